import Histogram

/// Checks shared by the comparators before they look at any bin.
enum Binning {
    /// Same dimension, bin counts and edges (to 1e-12 relative, the precision
    /// files keep); labels and titles do not matter.
    static func isCompatible(_ a: Histogram, _ b: Histogram) -> Bool {
        guard a.dimension == b.dimension else { return false }
        for (x, y) in zip(a.axes, b.axes) {
            guard x.binCount == y.binCount else { return false }
            // Nearly every pair has identical axes, whose edges are then equal bin by bin.
            if x.lowerEdge == y.lowerEdge, x.upperEdge == y.upperEdge, x.variableEdges == y.variableEdges { continue }
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
        var contents = [Double](repeating: 0, count: histogram.axes.reduce(1) { $0 * $1.binCount })
        addClampedInRangeContents(of: histogram, to: &contents)
        return contents
    }

    /// Adds the clamped in-range contents of `histogram` (same binning) to `sums`: several
    /// references add up without an array each.
    static func addClampedInRangeContents(of histogram: Histogram, to sums: inout [Double]) {
        sums.withUnsafeMutableBufferPointer { sums in
            histogram.contents.withUnsafeBufferPointer { contents in
                var next = 0
                histogram.forEachInRangeRow { start, length in
                    guard next + length <= sums.count else { return }
                    let source = UnsafeBufferPointer(rebasing: contents[start..<(start + length)])
                    let target = UnsafeMutableBufferPointer(rebasing: sums[next..<(next + length)])
                    for x in 0..<length { target[x] += max(0, source[x]) }
                    next += length
                }
            }
        }
    }

    static func hasNonFiniteContent(_ histogram: Histogram) -> Bool {
        // Branch-free over every cell, so the compiler can vectorise it: adding 1 to the
        // exponent field carries into the sign bit only when the exponent is all ones
        // (infinity or NaN).
        let exponent: UInt64 = 0x7FF0_0000_0000_0000, exponentOne: UInt64 = 0x0010_0000_0000_0000
        var carries: UInt64 = 0
        histogram.contents.withUnsafeBufferPointer { contents in
            for value in contents { carries |= (value.bitPattern & exponent) &+ exponentOne }
        }
        return carries >> 63 != 0
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
                template.forEachInRangeRow { start, length in
                    let copied = min(length, values.count - next)
                    defer { next += length }
                    guard copied > 0 else { return }
                    _ = UnsafeMutableBufferPointer(rebasing: contents[start..<(start + copied)])
                        .update(fromContentsOf: UnsafeBufferPointer(rebasing: values[next..<(next + copied)]))
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
