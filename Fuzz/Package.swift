// swift-tools-version: 6.1
import PackageDescription

// A libFuzzer target over the reader's entry points, kept out of the main package so that
// its sanitizer flags never reach `swift build` there. See README.md.
let package = Package(
    name: "Fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "AutoDQM", path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "ReadFuzzer",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "ROOTIO", package: "AutoDQM"),
                .product(name: "HistogramIO", package: "AutoDQM"),
            ]),
    ]
)
