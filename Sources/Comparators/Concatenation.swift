public import Histogram

/// AutoDQM's `concatenate`: sibling histograms appended bin-wise after the main one,
/// along x, so one comparison covers them all (e.g. the bunch-crossing −1/−2 maps
/// after the central one). The engine resolves the sibling names and applies this to
/// the data and to each reference alike.
public enum Concatenation {
    public enum Failure: Error, Equatable, Sendable {
        case nothingToConcatenate
        /// Different dimensions, profiles mixed with histograms, or (2D) different y binnings.
        case incompatible(index: Int)
    }

    /// One histogram whose x axis counts bins 0..<Σnx (concatenated edges have no
    /// physical meaning) and whose in-range cells are those of `parts` in order.
    /// Flow bins are dropped; entries add up.
    public static func concatenate(_ parts: [Histogram]) throws(Failure) -> Histogram {
        guard let first = parts.first else { throw .nothingToConcatenate }
        guard first.dimension <= 2 else { throw .incompatible(index: 0) }
        for (index, part) in parts.enumerated() {
            guard part.dimension == first.dimension, part.isProfile == first.isProfile,
                  part.yAxis?.binCount == first.yAxis?.binCount else { throw .incompatible(index: index) }
        }
        let nx = parts.reduce(0) { $0 + $1.xAxis.binCount }
        let ny = first.yAxis?.binCount ?? 1
        let stride = nx + 2
        let cells = first.dimension == 2 ? stride * (ny + 2) : stride
        var contents = [Double](repeating: 0, count: cells)
        var variances = [Double](repeating: 0, count: cells)
        var binEntries: [Double]? = first.isProfile ? [Double](repeating: 0, count: cells) : nil
        var offset = 0
        for part in parts {
            let ys = first.dimension == 2 ? 1...ny : 0...0
            for y in ys {
                for x in 1...part.xAxis.binCount {
                    let source = part.globalBin(x: x, y: y), target = offset + x + stride * y
                    contents[target] = part.contents[source]
                    variances[target] = part.variance(atGlobalBin: source)
                    binEntries?[target] = part.binEntries?[source] ?? 0
                }
            }
            offset += part.xAxis.binCount
        }
        do {
            let x = try Axis(binCount: nx, lowerEdge: 0, upperEdge: Double(nx), title: "bin index")
            let axes = first.dimension == 2 ? [x, first.axes[1]] : [x]
            return try Histogram(
                className: first.className, title: first.title, axes: axes, contents: contents, variances: variances,
                binEntries: binEntries, entries: parts.reduce(0) { $0 + $1.entries })
        } catch {
            throw .incompatible(index: 0)
        }
    }
}
