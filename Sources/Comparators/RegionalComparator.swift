public import Histogram
import SpecialFunctions

/// `regional`: our detector of dead or hot *regions* (and of hot or dead cells
/// in sparse maps), which AutoDQM's beta-binomial misses: a dead 20×18 block
/// spreads into many modest pulls that a chi2 averaged over thousands of cells
/// and a max pull cannot see, and a hot cell over a reference of a few counts
/// gets a broad posterior that mutes its pull. 1D and 2D, one or many references
/// (summed).
///
/// 1. Expected counts per cell from the summed references scaled to the data,
///    with the variance of both data and references.
/// 2. Isolated-cell suppression: a cell beyond 4σ whose neighbours are
///    unremarkable (median |z| < 2) is a single noisy or hot channel; it is
///    replaced by its expectation so it cannot dominate a block.
/// 3. Multi-scale blocks (the idea behind AutoDQM's DT rebinning): rectangles of
///    1…64 cells a side, tiling the map at each scale, each scored as
///    Σ(d − e)/sqrt(Σvar + (tol·Σe)²) when it expects at least 10 counts.
/// 4. Cells: an exact conditional test per cell — given the cell's total t =
///    d + r, d is Binomial(t, nD/(nD + nR)) when data and references share a
///    shape — for cells whose Gaussian pull exceeds 3.
/// 5. The most significant block and cell are each corrected for the number of
///    blocks or cells tried (AutoDQM's look-elsewhere rule). Flagged when either
///    exceeds `regionCut` (default 5).
/// Scores: `regionPull`, `cellPull` (corrected), `rawRegionPull`, `blockX`,
/// `blockY`, `blockWidth`, `blockHeight` (bins, 1-based), `suppressedCells`, `blocks`.
public struct RegionalComparator: Comparator {
    public static let name = "regional"
    public init() {}

    static let blockSizes = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64]

    public func compare(data: Histogram, references: [Histogram], options: ComparatorOptions) -> Comparison {
        guard !references.isEmpty else { return .notApplicable(name, .missingReference) }
        guard data.dimension <= 2 else { return .notApplicable(name, .unsupportedDimension) }
        guard !data.isProfile else { return .notApplicable(name, .unsupportedType) }
        guard !Binning.hasNonFiniteContent(data), !references.contains(where: Binning.hasNonFiniteContent) else {
            return .notApplicable(name, .notFinite)
        }
        let compatible = references.filter { !$0.isProfile && Binning.isCompatible(data, $0) }
        guard !compatible.isEmpty else { return .notApplicable(name, .incompatibleBinning) }
        let d = Binning.clampedInRangeContents(data)
        var r = [Double](repeating: 0, count: d.count)
        for reference in compatible { Binning.addClampedInRangeContents(of: reference, to: &r) }
        let dataTotal = d.reduce(0, +), referenceTotal = r.reduce(0, +)
        if dataTotal == 0 { return .notApplicable(name, .emptyData) }
        if referenceTotal == 0 { return .notApplicable(name, .emptyReference) }

        let map = CellMap(data: d, summedReference: r, nx: data.xAxis.binCount, dataTotal: dataTotal, referenceTotal: referenceTotal)
        let search = BlockSearch(map: map, tol: options.tol ?? 0.01, sizes: Self.blockSizes)
        let cut = options.regionCut ?? 5
        let regionPull = search.best.map { BetaBinomial.correctedMaxPull(highest: $0.pull, lowest: $0.pull, trials: search.blockCount) } ?? 0
        let cellPull = BetaBinomial.correctedMaxPull(highest: map.strongestCell, lowest: map.strongestCell, trials: d.count)
        let flagged = abs(regionPull) > cut || abs(cellPull) > cut
        var scores = [
            "regionPull": regionPull, "cellPull": cellPull, "suppressedCells": Double(map.suppressed),
            "blocks": Double(search.blockCount),
        ]
        var info = "strongest cell \(formatted(cellPull))σ (corrected)"
        if let best = search.best {
            scores["rawRegionPull"] = best.pull
            scores["blockX"] = Double(best.x + 1)
            scores["blockY"] = Double(best.y + 1)
            scores["blockWidth"] = Double(best.width)
            scores["blockHeight"] = Double(best.height)
            let kind = best.pull < 0 ? "deficit" : "excess"
            info = "strongest region: \(kind) of \(formatted(regionPull))σ (corrected) in bins x \(best.x + 1)–\(best.x + best.width)"
                + (data.dimension == 2 ? ", y \(best.y + 1)–\(best.y + best.height)" : "") + "; " + info
        }
        return Comparison(
            comparator: name, status: flagged ? .flagged : .ok, scores: scores, info: info,
            drawables: Binning.histogram(like: data, className: "TH\(data.dimension)D", inRangeValues: map.cellPulls)
                .map { [Drawable(role: .pulls, histogram: $0)] } ?? [])
    }
}

/// Per-cell expectations, variances and residuals, with isolated outlier cells suppressed.
struct CellMap {
    let nx: Int
    let ny: Int
    /// Cell i's expected count, variance and residual at `3 * i`, `3 * i + 1`, `3 * i + 2`:
    /// the order `SummedAreas` reads them in.
    var cells: [Double]
    var cellPulls: [Double]
    var suppressed = 0
    /// The signed exact (conditional binomial) pull of the most significant cell.
    var strongestCell = 0.0

    init(data d: [Double], summedReference r: [Double], nx: Int, dataTotal: Double, referenceTotal: Double) {
        self.nx = nx
        ny = d.count / nx
        let count = d.count
        let scale = dataTotal / referenceTotal
        let share = dataTotal / (dataTotal + referenceTotal)
        var strongest = 0.0, beyondFour: [Int] = []
        var pulls = [Double](repeating: 0, count: count)
        cells = [Double](unsafeUninitializedCapacity: 3 * count) { cells, initialized in
            d.withUnsafeBufferPointer { d in
                r.withUnsafeBufferPointer { r in
                    pulls.withUnsafeMutableBufferPointer { pulls in
                        for i in 0..<count {
                            let data = d[i], reference = r[i]
                            let expected = reference * scale
                            let v = reference * scale + reference * scale * scale
                            let variance = v > 0 ? v : data
                            let residual = data - expected
                            let pull = variance > 0 ? residual / variance.squareRoot() : 0
                            (cells[3 * i], cells[3 * i + 1], cells[3 * i + 2]) = (expected, variance, residual)
                            pulls[i] = pull
                            guard abs(pull) > 3 else { continue }
                            if abs(pull) > 4 { beyondFour.append(i) }
                            let exact = CellMap.binomialPull(data: data.rounded(), total: (data + reference).rounded(), share: share)
                            if abs(exact) > abs(strongest) { strongest = exact }
                        }
                    }
                }
            }
            initialized = 3 * count
        }
        cellPulls = pulls
        strongestCell = strongest
        suppressIsolatedCells(beyondFour)
    }

    /// The signed two-sided pull of `data` counts out of `total` when each count
    /// is data with probability `share` (exact binomial tails via the incomplete beta).
    static func binomialPull(data: Double, total: Double, share: Double) -> Double {
        guard total > 0, share > 0, share < 1 else { return 0 }
        let expected = total * share
        if data > expected {
            // P(X ≥ d) = I_share(d, t − d + 1)
            let tail = SpecialFunctions.regularizedIncompleteBeta(data, total - data + 1, share)
            return BetaBinomial.pullMagnitude(probability: min(1, 2 * tail))
        }
        if data < expected {
            // P(X ≤ d) = I_{1−share}(t − d, d + 1)
            let tail = SpecialFunctions.regularizedIncompleteBeta(total - data, data + 1, 1 - share)
            return -BetaBinomial.pullMagnitude(probability: min(1, 2 * tail))
        }
        return 0
    }

    /// Suppresses the cells beyond 4σ (`candidates`, in index order) whose neighbours' median
    /// |pull| is below 2. Every cell is judged on the unsuppressed pulls, so the cells are
    /// found first and zeroed after.
    private mutating func suppressIsolatedCells(_ candidates: [Int]) {
        guard !candidates.isEmpty else { return }
        let nx = nx, ny = ny
        let isolated = cellPulls.withUnsafeBufferPointer { pulls in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 8) { neighbours in
                candidates.filter { cell in
                    let (x, y) = (cell % nx, cell / nx)
                    var count = 0
                    for v in max(0, y - 1)...min(ny - 1, y + 1) {
                        for u in max(0, x - 1)...min(nx - 1, x + 1) where u != x || v != y {
                            neighbours[count] = abs(pulls[v * nx + u])
                            count += 1
                        }
                    }
                    var present = UnsafeMutableBufferPointer(rebasing: neighbours[..<count])
                    present.sort()
                    let median = count == 0 ? 0 : present[count / 2]
                    return median < 2
                }
            }
        }
        for cell in isolated {
            cells[3 * cell + 2] = 0
            cellPulls[cell] = 0
        }
        suppressed = isolated.count
    }
}

/// Rectangular blocks at several scales, summed in O(1) each with summed-area tables.
struct BlockSearch {
    struct Block {
        var x: Int, y: Int, width: Int, height: Int, pull: Double
    }

    let map: CellMap
    let tol: Double
    let sizes: [Int]
    private(set) var blockCount = 0
    /// The most significant block (uncorrected pull), if any block expected enough counts.
    private(set) var best: Block?

    init(map: CellMap, tol: Double, sizes: [Int]) {
        self.map = map
        self.tol = tol
        self.sizes = sizes
        search()
    }

    private mutating func search() {
        let sums = SummedAreas(cells: map.cells, nx: map.nx, ny: map.ny)
        let (nx, ny) = (map.nx, map.ny)
        let tolSquared = tol * tol
        var bestPull = 0.0, best: Block?, blockCount = 0
        // Blocks weaker than the best by more than a 1e-9 relative margin skip the square root
        // and division: |r| / sqrt(s) ≤ |best| ⇐ r² < best² (1 − 1e-9) s. Most blocks do.
        var weaker = 0.0
        sums.table.withUnsafeBufferPointer { table in
            guard let origin = table.baseAddress else { return }
            let rowEntries = 3 * sums.stride
            for width in sizes where width <= max(1, nx / 2) {
                let step = 3 * width, blocksPerRow = nx / width
                for height in sizes where height <= max(1, ny / 2) && width * height >= 2 {
                    // Blocks tile the map at each scale: a region contains a whole block at some
                    // scale, and single cells have their own exact test.
                    for y in stride(from: 0, through: ny - height, by: height) {
                        let top = origin + y * rowEntries, bottom = origin + (y + height) * rowEntries
                        for block in 0..<blocksPerRow {
                            // The block's corners: a, b along its top edge, c, d along its bottom.
                            let a = top + block &* step, b = a + step, c = bottom + block &* step, d = c + step
                            let e = d[0] - b[0] - c[0] + a[0]
                            guard e >= 10 else { continue }
                            blockCount &+= 1
                            // Variance and residual sums side by side, as a pair: the same operations
                            // per lane, half the instructions.
                            let sums = pair(d) - pair(b) - pair(c) + pair(a)
                            let variance = sums[0], residual = sums[1]
                            let spread = variance + tolSquared * e * e
                            if residual * residual < weaker * spread { continue }
                            let pull = residual / spread.squareRoot()
                            if abs(pull) > abs(bestPull) {
                                bestPull = pull
                                weaker = pull * pull * (1 - 1e-9)
                                best = Block(x: block * width, y: y, width: width, height: height, pull: pull)
                            }
                        }
                    }
                }
            }
        }
        self.blockCount = blockCount
        self.best = best
    }

    /// The variance and residual entries that follow an expected-count entry.
    @inline(__always)
    private func pair(_ entry: UnsafePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(entry + 1).loadUnaligned(as: SIMD2<Double>.self)
    }
}

/// 2D prefix-sum tables of expected counts, variances and residuals, interleaved so that
/// a block's three sums share cache lines: the sum over any rectangle in four look-ups each.
struct SummedAreas {
    /// Entry (x, y) of table k at `3 * (y * stride + x) + k`.
    let table: [Double]
    let stride: Int

    /// From `CellMap.cells`: three interleaved values per cell, x fastest.
    init(cells: [Double], nx: Int, ny: Int) {
        let stride = nx + 1
        self.stride = stride
        // Every entry is written once: no zero fill first.
        let table = [Double](unsafeUninitializedCapacity: 3 * stride * (ny + 1)) { table, initialized in
            cells.withUnsafeBufferPointer { cells in
                for i in 0..<(3 * stride) { table[i] = 0 }
                for y in 0..<ny {
                    // Running sums along the row, added to the entry above.
                    var row = (0.0, 0.0, 0.0)
                    let above = 3 * (y * stride + 1), here = 3 * ((y + 1) * stride + 1), cell = 3 * y * nx
                    (table[here - 3], table[here - 2], table[here - 1]) = (0, 0, 0)
                    for x in 0..<nx {
                        let i = 3 * x
                        row.0 += cells[cell + i]
                        row.1 += cells[cell + i + 1]
                        row.2 += cells[cell + i + 2]
                        table[here + i] = table[above + i] + row.0
                        table[here + i + 1] = table[above + i + 1] + row.1
                        table[here + i + 2] = table[above + i + 2] + row.2
                    }
                }
            }
            initialized = 3 * stride * (ny + 1)
        }
        self.table = table
    }
}
