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
    ],
    dependencies: [],
    targets: [
        // Histogram model: ROOT-free value types shared by every later stage.
        .target(name: "Histogram", swiftSettings: strictness),

        .target(name: "TestSupport", dependencies: ["Histogram"], path: "Tests/TestSupport", swiftSettings: strictness),
        .testTarget(name: "HistogramTests", dependencies: ["Histogram", "TestSupport"], swiftSettings: strictness),
    ]
)
