import Histogram

/// One histogram axis as it will be drawn: true (possibly variable) edges,
/// the labels to show per bin, its title, and whether it is logarithmic.
struct DrawnAxis {
    let edges: [Double]
    /// Labels of in-range bins by bin number (1-based); empty for a numeric axis.
    let labels: [Int: String]
    let title: String
    let isLog: Bool
    let isVariable: Bool

    /// `bins`: the in-range bins drawn (1-based), all of them by default; drawn bin i is
    /// the axis's bin `bins.lowerBound + i - 1`.
    init(_ axis: Axis, labels override: [String]?, title titleOverride: String?, log: Bool, bins: ClosedRange<Int>? = nil) {
        let all = 1...axis.binCount  // an Axis has at least one bin
        let shown = bins?.clamped(to: all) ?? all
        let firstEdge = axis.edges[shown.lowerBound - 1]
        var edges = Array(axis.edges[(shown.lowerBound - 1)...min(shown.upperBound, axis.edges.count - 1)])
        // AutoDQM's convention: an "underflow-like" first edge (< −999) would squash
        // every other bin, so it is drawn one bin width below the second edge.
        if edges.count > 2, edges[0] < -999, edges[1] > -999 {
            edges[0] = 2 * edges[1] - edges[2]
        }
        self.edges = edges
        isVariable = axis.isVariable || edges[0] != firstEdge
        let byBin = override.flatMap { $0.isEmpty ? nil : Dictionary(uniqueKeysWithValues: zip(1...axis.binCount, $0)) } ?? axis.labels
        var labels: [Int: String] = [:]
        for (bin, text) in byBin where shown.contains(bin) { labels[bin - shown.lowerBound + 1] = text }
        self.labels = labels
        title = titleOverride ?? axis.title
        // A log axis needs every edge positive; otherwise it stays linear rather than lie.
        isLog = log && (edges.first ?? 0) > 0
    }

    var binCount: Int { edges.count - 1 }
    /// Equal bins on a linear scale: cells can be drawn in bin units.
    var isUniformLinear: Bool { !isLog && !isVariable }
    var isCategorical: Bool { !labels.isEmpty }
    var lower: Double { edges[0] }
    var upper: Double { edges[edges.count - 1] }

    func scale(from start: Double, to end: Double) -> Scale {
        Scale(domain: lower, upper, pixels: start, end, log: isLog)
    }

    /// Pixel positions of all edges, computed once per plot.
    func pixelEdges(_ scale: Scale) -> [Double] { edges.map { scale($0) } }

    /// The longest label as drawn (labels are cut at 22 characters).
    var longestLabel: Double {
        labels.values.reduce(0) { max($0, estimatedWidth(Self.shortened($1), size: AxisPainter.tickFont)) }
    }

    static func shortened(_ label: String) -> String {
        label.count > 22 ? String(label.prefix(21)) + "…" : label
    }
}
