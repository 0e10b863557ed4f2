// swift-tools-version: 6.1
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "AutoDQM",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Histogram", targets: ["Histogram"]),
        .library(name: "HTTPServer", targets: ["HTTPServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
    ],
    targets: [
        // System libraries, reached through module maps (Sources/C*/module.modulemap).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLZMA", pkgConfig: "liblzma", providers: [.apt(["liblzma-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // Linux epoll, for the HTTP workers' readiness sets (glibc's Swift module leaves it out).
        .systemLibrary(name: "CEpoll"),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // Histogram model: ROOT-free value types shared by every later stage.
        .target(name: "Histogram", swiftSettings: strictness),

        // HTTP/1.1 server on POSIX sockets and Dispatch (no web framework); knows nothing about DQM.
        .target(
            name: "HTTPServer",
            dependencies: [
                "CZlib",
                "CEpoll",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictness),

        // The command line: thin subcommands over the library modules.
        .executableTarget(
            name: "autodqm",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictness),

        .target(name: "TestSupport", dependencies: ["Histogram"], path: "Tests/TestSupport", swiftSettings: strictness),
        .testTarget(name: "HistogramTests", dependencies: ["Histogram", "TestSupport"], swiftSettings: strictness),
        .testTarget(
            name: "HTTPServerTests",
            dependencies: ["HTTPServer", "CZlib", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictness),
    ]
)
