/// One binned axis, as ROOT's `TAxis` defines it: bins `1...binCount` are in
/// range, bin 0 is the underflow and bin `binCount + 1` the overflow.
public struct Axis: Sendable, Equatable, Hashable, Codable {
    public let binCount: Int
    public let lowerEdge: Double
    public let upperEdge: Double
    /// The `binCount + 1` edges of a variable-width axis; `nil` for uniform bins.
    public let variableEdges: [Double]?
    /// Alphanumeric bin labels, by in-range bin number.
    public let labels: [Int: String]
    public let title: String

    public init(
        binCount: Int, lowerEdge: Double, upperEdge: Double,
        variableEdges: [Double]? = nil, labels: [Int: String] = [:], title: String = "",
        index: Int = 0
    ) throws(HistogramError) {
        guard binCount >= 1, binCount < Int(Int32.max) else { throw .invalidBinCount(axis: index, count: binCount) }
        guard lowerEdge.isFinite, upperEdge.isFinite, lowerEdge <= upperEdge else {
            throw .invalidRange(axis: index, lower: lowerEdge, upper: upperEdge)
        }
        if let edges = variableEdges {
            guard edges.count == binCount + 1 else {
                throw .invalidEdges(axis: index, reason: "\(edges.count) edges for \(binCount) bins")
            }
            guard edges.allSatisfy(\.isFinite), zip(edges, edges.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw .invalidEdges(axis: index, reason: "edges are not finite and ascending")
            }
        }
        self.binCount = binCount
        self.lowerEdge = lowerEdge
        self.upperEdge = upperEdge
        self.variableEdges = variableEdges
        self.labels = labels
        self.title = title
    }

    public var isVariable: Bool { variableEdges != nil }
    public var hasLabels: Bool { !labels.isEmpty }
    /// Number of bins including underflow and overflow.
    public var cellCount: Int { binCount + 2 }

    /// ROOT's `GetBinLowEdge`: defined for every bin, flow bins included.
    public func lowEdge(ofBin bin: Int) -> Double {
        if let edges = variableEdges, bin >= 1, bin <= binCount + 1 {
            return edges[bin - 1]
        }
        return lowerEdge + Double(bin - 1) * uniformWidth
    }

    public func upEdge(ofBin bin: Int) -> Double { lowEdge(ofBin: bin + 1) }

    public func width(ofBin bin: Int) -> Double {
        variableEdges == nil || bin < 1 || bin > binCount ? uniformWidth : upEdge(ofBin: bin) - lowEdge(ofBin: bin)
    }

    public func center(ofBin bin: Int) -> Double {
        if variableEdges == nil || bin < 1 || bin > binCount {
            return lowerEdge + (Double(bin) - 0.5) * uniformWidth
        }
        return 0.5 * (lowEdge(ofBin: bin) + upEdge(ofBin: bin))
    }

    /// ROOT's `FindFixBin`: the bin holding `x`, 0 below range, `binCount + 1` above.
    public func bin(containing x: Double) -> Int {
        if x.isNaN { return binCount + 1 }
        if x < lowerEdge { return 0 }
        if x >= upperEdge { return binCount + 1 }
        if let edges = variableEdges {
            // Binary search for the last edge <= x.
            var low = 0, high = edges.count - 1
            while high - low > 1 {
                let mid = (low + high) / 2
                if edges[mid] <= x { low = mid } else { high = mid }
            }
            return low + 1
        }
        return min(binCount, 1 + Int(Double(binCount) * (x - lowerEdge) / (upperEdge - lowerEdge)))
    }

    /// All `binCount + 1` in-range edges.
    public var edges: [Double] {
        variableEdges ?? (0...binCount).map { lowEdge(ofBin: $0 + 1) }
    }

    public func label(ofBin bin: Int) -> String? { labels[bin] }

    private var uniformWidth: Double { (upperEdge - lowerEdge) / Double(binCount) }
}
