import Foundation
import Histogram
import Render

/// Deterministic pseudo-random numbers (SplitMix64), so every run draws the same plots.
struct SplitMix {
    var state: UInt64
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
    /// A normal deviate (Box–Muller).
    mutating func normal() -> Double {
        (-2 * log(max(next(), 1e-300))).squareRoot() * cos(2 * Double.pi * next())
    }
}

func histogram(_ axes: [Axis], className: String, random: inout SplitMix, mean: Double) throws -> Histogram {
    let cells = axes.reduce(1) { $0 * $1.cellCount }
    let contents = (0..<cells).map { _ in max(0, (mean + mean.squareRoot() * random.normal()).rounded()) }
    return try Histogram(className: className, axes: axes, contents: contents, entries: contents.reduce(0, +))
}

func pulls(_ data: Histogram, _ reference: Histogram) -> [Double] {
    data.contents.indices.map { bin in
        let variance = data.contents[bin] + reference.contents[bin]
        return variance > 0 ? (data.contents[bin] - reference.contents[bin]) / variance.squareRoot() : .nan
    }
}

/// CPU time of this process in nanoseconds: the machine is shared, so wall time would
/// measure the neighbours too.
func cpuNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Renders `spec` repeatedly for about a CPU second and prints the rate.
func measure(_ name: String, _ spec: PlotSpec) {
    var bytes = 0
    for _ in 0..<20 { bytes = Renderer.svg(for: spec).utf8.count }  // warm-up
    var iterations = 0
    let start = cpuNanoseconds()
    var elapsed: UInt64 = 0
    while elapsed < 1_000_000_000 {
        for _ in 0..<10 { bytes = Renderer.svg(for: spec).utf8.count }
        iterations += 10
        elapsed = cpuNanoseconds() - start
    }
    let perPlot = Double(elapsed) / Double(iterations) / 1000
    print("\(name): \(Int(perPlot.rounded())) µs CPU/plot, \(Int((1e6 / perPlot).rounded())) plots/s, \(bytes / 1024) KiB")
}

var random = SplitMix(state: 42)
let map = [try Axis(binCount: 100, lowerEdge: -2.5, upperEdge: 2.5, title: "#eta"),
           try Axis(binCount: 100, lowerEdge: -3.2, upperEdge: 3.2, title: "#phi")]
let mapData = try histogram(map, className: "TH2F", random: &random, mean: 400)
let mapReference = try histogram(map, className: "TH2F", random: &random, mean: 400)
let mapSpec = PlotSpec(
    kind: .pullMap2D, data: mapData, reference: mapReference, pulls: pulls(mapData, mapReference),
    title: "Occupancy/hEtaPhi", dataRun: "315705", referenceRuns: ["315000"], flagged: true)
measure("2D 100x100 pull map, tooltips on outliers", mapSpec)
var quiet = mapSpec
quiet.tooltipLimit = 0
measure("2D 100x100 pull map, no tooltips", quiet)
var everyCell = mapSpec
everyCell.tooltipLimit = 10_000
measure("2D 100x100 pull map, tooltip on every cell", everyCell)

let small = [try Axis(binCount: 36, lowerEdge: 0, upperEdge: 36, title: "chamber"),
             try Axis(binCount: 20, lowerEdge: 0, upperEdge: 20, title: "layer")]
let smallData = try histogram(small, className: "TH2F", random: &random, mean: 900)
let smallReference = try histogram(small, className: "TH2F", random: &random, mean: 900)
measure("2D 36x20 pull map, tooltip on every cell", PlotSpec(
    kind: .pullMap2D, data: smallData, reference: smallReference, pulls: pulls(smallData, smallReference),
    title: "Occupancy/hOccupancy", dataRun: "315705", referenceRuns: ["315000"]))

let line = [try Axis(binCount: 100, lowerEdge: 0, upperEdge: 200, title: "p_{T} [GeV]")]
let lineData = try histogram(line, className: "TH1F", random: &random, mean: 1000)
let lineReference = try histogram(line, className: "TH1F", random: &random, mean: 1000)
measure("1D 100 bins overlay + pulls, tooltips", PlotSpec(
    kind: .overlay1D, data: lineData, reference: lineReference, pulls: pulls(lineData, lineReference),
    title: "Kinematics/hPt", dataRun: "315705", referenceRuns: ["315000"]))
