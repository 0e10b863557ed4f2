import Histogram

/// A histogram's per-cell arrays as raw buffers, for loops over many bins: no
/// bounds-checked array access or call into the Histogram module per bin. Indices are
/// global bins; the Histogram initialiser guarantees every array has `cellCount` cells.
struct CellBuffers {
    let contents: UnsafeBufferPointer<Double>
    /// nil: Poisson errors, variance = |content|.
    let variances: UnsafeBufferPointer<Double>?

    /// `Histogram.variance(atGlobalBin:)`.
    @inline(__always)
    func variance(_ bin: Int) -> Double { variances?[bin] ?? contents[bin].magnitude }

    /// Runs `body` with the buffers of `histogram`, valid only inside `body`.
    @inline(__always)
    static func with<R, E: Error>(_ histogram: Histogram, _ body: (CellBuffers) throws(E) -> R) throws(E) -> R {
        try histogram.contents.withUnsafeBufferPointer { (contents) throws(E) -> R in
            guard let variances = histogram.variances else { return try body(CellBuffers(contents: contents, variances: nil)) }
            return try variances.withUnsafeBufferPointer { (variances) throws(E) -> R in
                try body(CellBuffers(contents: contents, variances: variances))
            }
        }
    }

    /// Calls `body` with every in-range global bin in ROOT's statistics loop order of
    /// `TH1::Chi2Test` and `KolmogorovTest`: x outermost, z innermost. Sums taken in this
    /// order round exactly as ROOT's do.
    @inline(__always)
    static func forEachBinXOuter<E: Error>(of histogram: Histogram, _ body: (_ bin: Int) throws(E) -> Void) throws(E) {
        let axes = histogram.axes
        let nx = axes[0].binCount
        let rowCells = nx + 2, planeCells = rowCells * (axes.count > 1 ? axes[1].cellCount : 1)
        let ys = axes.count > 1 ? 1...axes[1].binCount : 0...0
        let zs = axes.count > 2 ? 1...axes[2].binCount : 0...0
        for x in 1...nx {
            for y in ys {
                let row = x + rowCells * y
                for z in zs { try body(row + planeCells * z) }
            }
        }
    }
}
