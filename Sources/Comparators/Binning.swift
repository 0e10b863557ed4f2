import Histogram

/// Checks shared by the comparators before they look at any bin.
enum Binning {
    /// Same dimension, bin counts and edges (to 1e-12 relative, the precision
    /// files keep); labels and titles do not matter.
    static func isCompatible(_ a: Histogram, _ b: Histogram) -> Bool {
        guard a.dimension == b.dimension else { return false }
        for (x, y) in zip(a.axes, b.axes) {
            guard x.binCount == y.binCount else { return false }
            for bin in 1...(x.binCount + 1) where !nearlyEqual(x.lowEdge(ofBin: bin), y.lowEdge(ofBin: bin)) {
                return false
            }
        }
        return true
    }

    static func nearlyEqual(_ x: Double, _ y: Double) -> Bool {
        x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y))
    }

    /// The in-range contents, negatives clamped to 0 (AutoDQM's histogram pairing rule).
    static func clampedInRangeContents(_ histogram: Histogram) -> [Double] {
        let count = histogram.axes.reduce(1) { $0 * $1.binCount }
        return [Double](unsafeUninitializedCapacity: count) { output, initialized in
            histogram.contents.withUnsafeBufferPointer { contents in
                var next = 0
                forEachInRangeRow(of: histogram) { start, length in
                    for x in 0..<length { output[next + x] = max(0, contents[start + x]) }
                    next += length
                }
            }
            initialized = count
        }
    }

    /// Calls `body` with the first global bin and the length of every in-range x row,
    /// in `inRangeBins` order: comparators walk whole rows instead of a list of bins.
    static func forEachInRangeRow(of histogram: Histogram, _ body: (_ start: Int, _ length: Int) -> Void) {
        let nx = histogram.xAxis.binCount
        guard nx > 0 else { return }
        let rowCells = nx + 2
        let planeCells = rowCells * (histogram.axes.count > 1 ? histogram.axes[1].cellCount : 1)
        let ny = histogram.axes.count > 1 ? histogram.axes[1].binCount : 1
        let nz = histogram.axes.count > 2 ? histogram.axes[2].binCount : 1
        let yFirst = histogram.axes.count > 1 ? 1 : 0, zFirst = histogram.axes.count > 2 ? 1 : 0
        for z in zFirst..<(zFirst + nz) {
            for y in yFirst..<(yFirst + ny) { body(z * planeCells + y * rowCells + 1, nx) }
        }
    }

    static func hasNonFiniteContent(_ histogram: Histogram) -> Bool {
        histogram.contents.contains { !$0.isFinite }
    }

    /// The common preamble: the first problem with this data/reference set, if any.
    static func problem(
        data: Histogram, references: [Histogram], dimensions: ClosedRange<Int> = 1...3, allowProfiles: Bool = true
    ) -> NotApplicableReason? {
        guard !references.isEmpty else { return .missingReference }
        guard dimensions.contains(data.dimension) else { return .unsupportedDimension }
        guard allowProfiles || !data.isProfile else { return .unsupportedType }
        guard references.allSatisfy({ $0.isProfile == data.isProfile }) else { return .unsupportedType }
        guard !hasNonFiniteContent(data), !references.contains(where: hasNonFiniteContent) else { return .notFinite }
        guard references.allSatisfy({ isCompatible(data, $0) }) else { return .incompatibleBinning }
        return nil
    }

    /// A copy of `template`'s binning holding new in-range cell values (flow cells 0).
    static func histogram(like template: Histogram, className: String, inRangeValues values: [Double]) -> Histogram? {
        var contents = [Double](repeating: 0, count: template.cellCount)
        contents.withUnsafeMutableBufferPointer { contents in
            values.withUnsafeBufferPointer { values in
                var next = 0
                forEachInRangeRow(of: template) { start, length in
                    let copied = min(length, values.count - next)
                    for x in 0..<max(0, copied) { contents[start + x] = values[next + x] }
                    next += length
                }
            }
        }
        // Explicit empty statistics: a drawable needs none, and deriving them from bins is costly.
        let noStatistics = Moments(sumOfWeights: 0, sumOfSquaredWeights: 0, firstMoments: [], secondMoments: [])
        return try? Histogram(
            className: className, title: template.title, axes: template.axes, contents: contents,
            variances: [Double](repeating: 0, count: template.cellCount), entries: Double(values.count), moments: noStatistics)
    }
}

/// Formats a number for an info text, e.g. `3.14`.
func formatted(_ value: Double, digits: Int = 2) -> String {
    guard value.isFinite else { return "\(value)" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return "\(rounded)"
}
