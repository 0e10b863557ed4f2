// swift-tools-version: 6.1
import PackageDescription

// The comparators benchmark, outside the main package so that `swift test` never times
// anything. Build release only: `swift build -c release --package-path Benchmarks/ComparatorBench`.
let package = Package(
    name: "ComparatorsBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "AutoDQM", path: "../..")],
    targets: [
        .executableTarget(
            name: "ComparatorsBenchmark",
            dependencies: [
                .product(name: "ROOTIO", package: "AutoDQM"),
                .product(name: "HistogramIO", package: "AutoDQM"),
                .product(name: "Histogram", package: "AutoDQM"),
                .product(name: "Comparators", package: "AutoDQM"),
            ]),
    ]
)
