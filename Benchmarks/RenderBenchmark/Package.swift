// swift-tools-version: 6.1
import PackageDescription

// Timing of the SVG renderer, outside the test suite:
//   swift run -c release --package-path Benchmarks/RenderBenchmark
let package = Package(
    name: "RenderBenchmark",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "AutoDQM", path: "../..")],
    targets: [
        .executableTarget(
            name: "RenderBenchmark",
            dependencies: [.product(name: "Render", package: "AutoDQM"), .product(name: "Histogram", package: "AutoDQM")]),
    ]
)
