// swift-tools-version: 6.1
// The load-test server for the HTTPServer module: kept out of the main package so the test
// suite never builds or runs it. `run.sh` drives it with wrk next to nginx.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which differs between checkouts.
let projectFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "HTTPBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        .executableTarget(
            name: "http-bench-server",
            dependencies: [
                .product(name: "HTTPServer", package: projectFolder),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/HTTPBenchServer",
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("InternalImportsByDefault"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ]),
    ]
)
