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

    /// Runs `body` with the buffers of two histograms, valid only inside `body`.
    @inline(__always)
    static func with<R, E: Error>(
        _ first: Histogram, _ second: Histogram, _ body: (CellBuffers, CellBuffers) throws(E) -> R
    ) throws(E) -> R {
        try with(first) { (c1) throws(E) -> R in
            try with(second) { (c2) throws(E) -> R in try body(c1, c2) }
        }
    }

    /// Calls `body` with every in-range global bin in ROOT's statistics loop order of
    /// `TH1::Chi2Test` and `KolmogorovTest`: x outermost, z innermost. Sums taken in this
    /// order round exactly as ROOT's do.
    @inline(__always)
    static func forEachBinXOuter<E: Error>(of histogram: Histogram, _ body: (_ bin: Int) throws(E) -> Void) throws(E) {
        let axes = histogram.axes
        let nx = axes[0].binCount, rowCells = nx + 2
        // One loop per dimension: no inner loops of one iteration for the missing axes.
        switch axes.count {
        case 1:
            for x in 1...nx { try body(x) }
        case 2:
            let ny = axes[1].binCount
            for x in 1...nx {
                for y in 1...ny { try body(x + rowCells * y) }
            }
        default:
            let ny = axes[1].binCount, nz = axes[2].binCount, planeCells = rowCells * axes[1].cellCount
            for x in 1...nx {
                for y in 1...ny {
                    let row = x + rowCells * y
                    for z in 1...nz { try body(row + planeCells * z) }
                }
            }
        }
    }
}
