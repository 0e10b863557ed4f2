// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live outside the main package so that `swift test` never times anything.
// Build release only: `swift build -c release --package-path Benchmarks`.
let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "AutoDQM", path: "..")],
    targets: [
        .executableTarget(
            name: "ReadBenchmark",
            dependencies: [
                .product(name: "ROOTIO", package: "AutoDQM"),
                .product(name: "HistogramIO", package: "AutoDQM"),
                .product(name: "Histogram", package: "AutoDQM"),
            ]),
    ]
)
