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
        for reference in compatible {
            for (i, value) in Binning.clampedInRangeContents(reference).enumerated() { r[i] += value }
        }
        let dataTotal = d.reduce(0, +), referenceTotal = r.reduce(0, +)
        if dataTotal == 0 { return .notApplicable(name, .emptyData) }
        if referenceTotal == 0 { return .notApplicable(name, .emptyReference) }

        let map = CellMap(data: d, summedReference: r, nx: data.xAxis.binCount)
        let search = BlockSearch(map: map, tol: options.tol ?? 0.01, sizes: Self.blockSizes)
        let cut = options.regionCut ?? 5
        let regionPull = search.best.map { BetaBinomial.correctedMaxPull([$0.pull], trials: search.blockCount) } ?? 0
        let cellPull = BetaBinomial.correctedMaxPull([map.strongestCell], trials: d.count)
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

/// Per-cell residuals and variances, with isolated outlier cells suppressed.
struct CellMap {
    let nx: Int
    let ny: Int
    var residual: [Double]
    var variance: [Double]
    var expected: [Double]
    var cellPulls: [Double]
    var suppressed = 0
    /// The signed exact (conditional binomial) pull of the most significant cell.
    var strongestCell = 0.0

    init(data d: [Double], summedReference r: [Double], nx: Int) {
        self.nx = nx
        ny = d.count / nx
        let scale = d.reduce(0, +) / r.reduce(0, +)
        expected = r.map { $0 * scale }
        variance = zip(d, r).map { data, reference in
            let v = reference * scale + reference * scale * scale
            return v > 0 ? v : data
        }
        residual = zip(d, expected).map { $0 - $1 }
        cellPulls = zip(residual, variance).map { $1 > 0 ? $0 / $1.squareRoot() : 0 }
        let share = d.reduce(0, +) / (d.reduce(0, +) + r.reduce(0, +))
        for i in d.indices where abs(cellPulls[i]) > 3 {
            let exact = CellMap.binomialPull(data: d[i].rounded(), total: (d[i] + r[i]).rounded(), share: share)
            if abs(exact) > abs(strongestCell) { strongestCell = exact }
        }
        suppressIsolatedCells()
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

    private mutating func suppressIsolatedCells() {
        let pulls = cellPulls
        for y in 0..<ny {
            for x in 0..<nx where abs(pulls[y * nx + x]) > 4 {
                var neighbours: [Double] = []
                for dy in -1...1 {
                    for dx in -1...1 where dx != 0 || dy != 0 {
                        let (u, v) = (x + dx, y + dy)
                        if u >= 0, u < nx, v >= 0, v < ny { neighbours.append(abs(pulls[v * nx + u])) }
                    }
                }
                neighbours.sort()
                let median = neighbours.isEmpty ? 0 : neighbours[neighbours.count / 2]
                if median < 2 {
                    residual[y * nx + x] = 0
                    cellPulls[y * nx + x] = 0
                    suppressed += 1
                }
            }
        }
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
        let sums = SummedAreas(expected: map.expected, variance: map.variance, residual: map.residual, nx: map.nx, ny: map.ny)
        let tolSquared = tol * tol
        var bestPull = 0.0
        sums.table.withUnsafeBufferPointer { table in
            for width in sizes where width <= max(1, map.nx / 2) {
                for height in sizes where height <= max(1, map.ny / 2) && width * height >= 2 {
                    // Blocks tile the map at each scale: a region contains a whole block at some
                    // scale, and single cells have their own exact test.
                    for y in stride(from: 0, through: map.ny - height, by: height) {
                        // Corners of the first block of this row of blocks, in table entries.
                        let top = 3 * (y * sums.stride), bottom = 3 * ((y + height) * sums.stride)
                        for x in stride(from: 0, through: map.nx - width, by: width) {
                            let a = top + 3 * x, b = top + 3 * (x + width), c = bottom + 3 * x, d = bottom + 3 * (x + width)
                            let e = table[d] - table[b] - table[c] + table[a]
                            guard e >= 10 else { continue }
                            blockCount += 1
                            let variance = table[d + 1] - table[b + 1] - table[c + 1] + table[a + 1]
                            let residual = table[d + 2] - table[b + 2] - table[c + 2] + table[a + 2]
                            let spread = variance + tolSquared * e * e
                            // Most blocks are clearly weaker than the best so far: skip the square root
                            // and division when even a 1e-9 relative margin cannot make them stronger.
                            if residual * residual < bestPull * bestPull * spread * (1 - 1e-9) { continue }
                            let pull = residual / spread.squareRoot()
                            if abs(pull) > abs(bestPull) {
                                bestPull = pull
                                best = Block(x: x, y: y, width: width, height: height, pull: pull)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// 2D prefix-sum tables of expected counts, variances and residuals, interleaved so that
/// a block's three sums share cache lines: the sum over any rectangle in four look-ups each.
struct SummedAreas {
    /// Entry (x, y) of table k at `3 * (y * stride + x) + k`.
    let table: [Double]
    let stride: Int

    init(expected: [Double], variance: [Double], residual: [Double], nx: Int, ny: Int) {
        stride = nx + 1
        var table = [Double](repeating: 0, count: 3 * (nx + 1) * (ny + 1))
        for (k, values) in [expected, variance, residual].enumerated() {
            for y in 0..<ny {
                var row = 0.0
                for x in 0..<nx {
                    row += values[y * nx + x]
                    table[3 * ((y + 1) * stride + x + 1) + k] = table[3 * (y * stride + x + 1) + k] + row
                }
            }
        }
        self.table = table
    }
}
