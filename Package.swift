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
        .library(name: "SpecialFunctions", targets: ["SpecialFunctions"]),
        .library(name: "Comparators", targets: ["Comparators"]),
        .library(name: "HTTPServer", targets: ["HTTPServer"]),
        .library(name: "Render", targets: ["Render"]),
        .library(name: "SQLite", targets: ["SQLite"]),
        .library(name: "DQMClient", targets: ["DQMClient"]),
        .library(name: "RunStore", targets: ["RunStore"]),
        .library(name: "SubsystemConfig", targets: ["SubsystemConfig"]),
        .library(name: "App", targets: ["App"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "RelMon", targets: ["RelMon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
    ],
    targets: [
        // System libraries, reached through module maps (Sources/C*/module.modulemap).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libdeflate: whole-buffer inflate, about twice zlib's speed, for ROOT's ZL/CS blocks.
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CLZMA", pkgConfig: "liblzma", providers: [.apt(["liblzma-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // Linux epoll, for the HTTP workers' readiness sets (glibc's Swift module leaves it out).
        .systemLibrary(name: "CEpoll"),
        // Linux sync_file_range, so downloads write back while they stream (not in Glibc's module).
        .systemLibrary(name: "CFileSync"),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // Histogram model: ROOT-free value types shared by every later stage.
        .target(name: "Histogram", swiftSettings: strictness),

        // ROOT file reading: bytes → typed ROOT records, no ROOT installation needed.
        .target(name: "ROOTIO", dependencies: ["CDeflate", "CLZMA", "CZstd", "CLZ4"], swiftSettings: strictness),
        // The bridge from ROOT records to the histogram model, DQM scalars and dumps.
        .target(name: "HistogramIO", dependencies: ["ROOTIO", "Histogram"], swiftSettings: strictness),
        // Statistics: special functions, then the comparators built on them.
        .target(name: "SpecialFunctions", swiftSettings: strictness),
        .target(name: "Comparators", dependencies: ["Histogram", "SpecialFunctions"], swiftSettings: strictness),
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
        // Plots: histograms and pulls drawn as standalone SVG, by our own code.
        .target(name: "Render", dependencies: ["Histogram", "CZlib"], swiftSettings: strictness),
        // A small general SQLite wrapper (one owner per handle, prepared statements, migrations).
        .target(name: "SQLite", dependencies: ["CSQLite"], swiftSettings: strictness),
        // DQM Offline server client: libcurl with X.509 certificates, listing parser, run sources.
        .target(name: "DQMClient", dependencies: ["CCurl", "CCrypto", "CFileSync"], swiftSettings: strictness),
        // The local run store: ADQM_DB folder of run files with SQLite metadata, LRU quota, pins, leases.
        .target(name: "RunStore", dependencies: ["DQMClient", "SQLite"], swiftSettings: strictness),
        // Content digests (SHA-256) through OpenSSL.
        .target(name: "Digest", dependencies: ["CCrypto"], swiftSettings: strictness),
        // AutoDQM's subsystem configs: loading with file:line:column diagnostics, glob matching.
        .target(name: "SubsystemConfig", dependencies: ["Comparators", "Digest"], swiftSettings: strictness),
        // Engine: pairs data and reference histograms, runs the comparators, builds Reports.
        .target(
            name: "Engine",
            dependencies: ["Histogram", "ROOTIO", "HistogramIO", "Comparators", "SubsystemConfig", "Render"],
            swiftSettings: strictness),

        // The web service: job queue and results in SQLite, pages and JSON API over HTTPServer.
        .target(
            name: "App",
            dependencies: [
                "Engine", "RelMon", "HistogramIO", "ROOTIO", "Histogram", "Comparators", "SubsystemConfig", "DQMClient", "RunStore", "SQLite", "HTTPServer", "CCrypto",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness),

        // RelMon: whole-file comparisons, directory ranking, blacklists, stored results and reports.
        .target(name: "RelMon", dependencies: ["Histogram", "ROOTIO", "HistogramIO", "Comparators", "Render", "CZlib"], swiftSettings: strictness),

        // The command line: thin subcommands over the library modules.
        .executableTarget(
            name: "autodqm",
            dependencies: [
                "HistogramIO", "DQMClient", "RunStore",
                "SubsystemConfig", "Engine", "Comparators", "ROOTIO", "App", "HTTPServer", "RelMon",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness),

        .target(name: "TestSupport", dependencies: ["Histogram"], path: "Tests/TestSupport", swiftSettings: strictness),
        .testTarget(name: "HistogramTests", dependencies: ["Histogram", "TestSupport"], swiftSettings: strictness),
        .testTarget(name: "ROOTIOTests", dependencies: ["ROOTIO", "TestSupport"], swiftSettings: strictness),
        .testTarget(name: "HistogramIOTests", dependencies: ["HistogramIO", "ROOTIO", "Histogram", "TestSupport"], swiftSettings: strictness),
        .testTarget(name: "SpecialFunctionsTests", dependencies: ["SpecialFunctions", "TestSupport"], swiftSettings: strictness),
        .testTarget(
            name: "ComparatorsTests", dependencies: ["Comparators", "SpecialFunctions", "Histogram", "TestSupport"],
            swiftSettings: strictness),
        .testTarget(
            name: "HTTPServerTests",
            dependencies: ["HTTPServer", "CZlib", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictness),
        .testTarget(
            name: "RenderTests", dependencies: ["Render", "Histogram", "TestSupport", "CZlib"],
            exclude: ["Snapshots"], swiftSettings: strictness),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"], swiftSettings: strictness),
        .testTarget(
            name: "DQMClientTests", dependencies: ["DQMClient", "RunStore", "TestSupport"], exclude: ["Server"],
            swiftSettings: strictness),
        .testTarget(name: "SubsystemConfigTests", dependencies: ["SubsystemConfig", "Comparators", "Histogram", "TestSupport"], swiftSettings: strictness),
        .testTarget(
            name: "EngineTests", dependencies: ["Engine", "Comparators", "Histogram", "ROOTIO", "SubsystemConfig", "TestSupport"],
            swiftSettings: strictness),
        .testTarget(
            name: "AppTests", dependencies: ["App", "Engine", "SQLite", "HTTPServer", "DQMClient", "TestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictness),
        .testTarget(name: "DigestTests", dependencies: ["Digest"], swiftSettings: strictness),
        .testTarget(name: "RelMonTests", dependencies: ["RelMon", "TestSupport"], swiftSettings: strictness),
    ]
)
