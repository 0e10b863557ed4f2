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
        .library(name: "SQLite", targets: ["SQLite"]),
        .library(name: "DQMClient", targets: ["DQMClient"]),
        .library(name: "RunStore", targets: ["RunStore"]),
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
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // Histogram model: ROOT-free value types shared by every later stage.
        .target(name: "Histogram", swiftSettings: strictness),

        // A small general SQLite wrapper (one owner per handle, prepared statements, migrations).
        .target(name: "SQLite", dependencies: ["CSQLite"], swiftSettings: strictness),
        // DQM Offline server client: libcurl with X.509 certificates, listing parser, run sources.
        .target(name: "DQMClient", dependencies: ["CCurl", "CCrypto"], swiftSettings: strictness),
        // The local run store: ADQM_DB folder of run files with SQLite metadata, LRU quota, pins, leases.
        .target(name: "RunStore", dependencies: ["DQMClient", "SQLite"], swiftSettings: strictness),

        // The command line: thin subcommands over the library modules.
        .executableTarget(
            name: "autodqm",
            dependencies: [
                "DQMClient", "RunStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness),

        .target(name: "TestSupport", dependencies: ["Histogram"], path: "Tests/TestSupport", swiftSettings: strictness),
        .testTarget(name: "HistogramTests", dependencies: ["Histogram", "TestSupport"], swiftSettings: strictness),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"], swiftSettings: strictness),
        .testTarget(
            name: "DQMClientTests", dependencies: ["DQMClient", "RunStore", "TestSupport"], exclude: ["Server"],
            swiftSettings: strictness),
    ]
)
