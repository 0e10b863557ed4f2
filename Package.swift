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
        .library(name: "ROOTIO", targets: ["ROOTIO"]),
        .library(name: "HistogramIO", targets: ["HistogramIO"]),
        .library(name: "RelMon", targets: ["RelMon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System libraries, reached through module maps (Sources/C*/module.modulemap).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLZMA", pkgConfig: "liblzma", providers: [.apt(["liblzma-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // Histogram model: ROOT-free value types shared by every later stage.
        .target(name: "Histogram", swiftSettings: strictness),

        // ROOT file reading: bytes → typed ROOT records, no ROOT installation needed.
        .target(name: "ROOTIO", dependencies: ["CZlib", "CLZMA", "CZstd", "CLZ4"], swiftSettings: strictness),
        // The bridge from ROOT records to the histogram model, DQM scalars and dumps.
        .target(name: "HistogramIO", dependencies: ["ROOTIO", "Histogram"], swiftSettings: strictness),

        // RelMon: whole-file comparisons, directory ranking, blacklists, stored results and reports.
        .target(name: "RelMon", dependencies: ["Histogram", "ROOTIO", "HistogramIO", "CZlib"], swiftSettings: strictness),

        // The command line: thin subcommands over the library modules.
        .executableTarget(
            name: "autodqm",
            dependencies: ["HistogramIO", "RelMon", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictness),

        .target(name: "TestSupport", dependencies: ["Histogram"], path: "Tests/TestSupport", swiftSettings: strictness),
        .testTarget(name: "HistogramTests", dependencies: ["Histogram", "TestSupport"], swiftSettings: strictness),
        .testTarget(name: "ROOTIOTests", dependencies: ["ROOTIO", "TestSupport"], swiftSettings: strictness),
        .testTarget(name: "HistogramIOTests", dependencies: ["HistogramIO", "ROOTIO", "Histogram", "TestSupport"], swiftSettings: strictness),
        .testTarget(name: "RelMonTests", dependencies: ["RelMon", "TestSupport"], swiftSettings: strictness),
    ]
)
