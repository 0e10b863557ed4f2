public import Histogram
import SpecialFunctions

/// `pull_values` (2D): AutoDQM's bin-by-bin pulls of the first reference.
///
/// The data is scaled to the reference's integral over the whole map (`norm_type`
/// all), per row or per column; each bin gets z = (d − r)/sqrt(σd² + σr²) with
/// asymmetric Poisson errors taken on the sides facing each other. By default the
/// errors are exact Garwood intervals; `poissonErrors = .autodqm` reproduces
/// AutoDQM's approximation. Scores: `chi2` = Σz² / all bins, `maxPull` = max |z|.
/// Flagged when the data has at least `minEntries` (default 10000) and chi2 >
/// `chi2Cut` (500) or maxPull > `pullCut` (20).
public struct PullValuesComparator: Comparator {
    public static let name = "pull_values"
    public init() {}

    /// 68.27 %: the Gaussian one-sigma coverage AutoDQM uses.
    static let confidence = 0.6827

    public func compare(data: Histogram, references: [Histogram], options: ComparatorOptions) -> Comparison {
        if let problem = Binning.problem(data: data, references: references, dimensions: 2...2) {
            return .notApplicable(name, problem)
        }
        let reference = references[0]
        let raw = Binning.clampedInRangeContents(data)
        let r = Binning.clampedInRangeContents(reference)
        let dataTotal = raw.reduce(0, +), referenceTotal = r.reduce(0, +)
        if dataTotal == 0 { return .notApplicable(name, .emptyData) }
        if referenceTotal == 0 { return .notApplicable(name, .emptyReference) }
        let scales = normalisation(raw, to: r, nx: data.xAxis.binCount, type: options.normType)

        var pulls = [Double](repeating: 0, count: raw.count)
        var intervals = IntervalCache(kind: options.poissonErrors)
        var maxPull = 0.0, sumOfSquares = 0.0
        for i in raw.indices {
            let d = raw[i] * scales[i]
            // Each error on the side facing the other value: only that side is computed.
            let upward = d < r[i]
            let dataError = intervals.dataError(raw: raw[i], scale: scales[i], upward: upward)
            let referenceError = intervals.error(of: r[i], upward: !upward)
            let sigma = (dataError * dataError + referenceError * referenceError).squareRoot()
            let pull = dataError + referenceError == 0 ? 0 : (d - r[i]) / sigma
            pulls[i] = pull
            maxPull = max(maxPull, abs(pull))
            sumOfSquares += pull * pull
        }
        let chi2 = sumOfSquares / Double(pulls.count)
        let good = dataTotal >= (options.minEntries ?? 10_000)
        let flagged = good && (chi2 > (options.chi2Cut ?? 500) || maxPull > (options.pullCut ?? 20))
        let cap = options.pullCap ?? 25
        let drawn = pulls.map { min(max($0, -cap), cap) }
        return Comparison(
            comparator: name, status: flagged ? .flagged : .ok,
            scores: ["chi2": chi2, "maxPull": maxPull, "dataEntries": dataTotal, "referenceEntries": referenceTotal, "pullCap": cap],
            info: "chi2 = \(formatted(chi2)), max pull = \(formatted(maxPull))",
            drawables: Binning.histogram(like: data, className: "TH2D", inRangeValues: drawn).map { [Drawable(role: .pulls, histogram: $0)] } ?? [])
    }

    /// The factor scaling each data cell to the reference: one for the whole map,
    /// or one per row (y bin) / column (x bin); lines with no data stay unscaled.
    private func normalisation(_ d: [Double], to r: [Double], nx: Int, type: ComparatorOptions.NormType) -> [Double] {
        let ny = d.count / nx
        var scales = [Double](repeating: 1, count: d.count)
        func scaleLine(_ cells: [Int]) {
            let dataSum = cells.reduce(0) { $0 + d[$1] }
            guard dataSum != 0 else { return }
            let factor = cells.reduce(0) { $0 + r[$1] } / dataSum
            for cell in cells { scales[cell] = factor }
        }
        switch type {
        case .all: scaleLine(Array(d.indices))
        case .row: for y in 0..<ny { scaleLine((0..<nx).map { y * nx + $0 }) }
        case .col: for x in 0..<nx { scaleLine((0..<ny).map { $0 * nx + x }) }
        }
        return scales
    }
}

/// Downward or upward Poisson errors. Integer counts are memoised (a table for
/// small ones); non-integer values (profile means, AutoDQM's scaled data) seldom
/// repeat, so only the side asked for is computed.
///
/// Garwood intervals belong to raw counts: a scaled data count gets its raw
/// count's interval, scaled. AutoDQM's approximation is evaluated on the scaled
/// value itself, as AutoDQM does.
struct IntervalCache {
    let kind: ComparatorOptions.PoissonErrors
    /// The Garwood table, held here so that lookups skip the global's lazy-init check.
    private let table: [(low: Double, high: Double)]
    private var cache: [Double: (low: Double, high: Double)] = [:]

    init(kind: ComparatorOptions.PoissonErrors) {
        self.kind = kind
        table = kind == .garwood ? GarwoodTable.shared : []
    }

    mutating func dataError(raw: Double, scale: Double, upward: Bool) -> Double {
        if kind == .autodqm { return error(of: raw * scale, upward: upward) }
        return error(of: raw, upward: upward) * scale
    }

    /// Small counts from the table (inlined: most cells of occupancy maps), others computed.
    @inline(__always) mutating func error(of n: Double, upward: Bool) -> Double {
        if n >= 0, n < Double(table.count), Double(Int(n)) == n {
            let known = table[Int(n)]
            return upward ? known.high : known.low
        }
        return computedError(of: n, upward: upward)
    }

    private mutating func computedError(of n: Double, upward: Bool) -> Double {
        // A conversion tells integers apart, cheaper than `rounded()` (a libm call on baseline x86-64).
        let isCount = n >= 0 && n < 0x1p52 ? Double(Int(n)) == n : n == n.rounded()
        guard isCount else { return Self.poissonError(n, kind, upward: upward) }
        if let known = cache[n] { return upward ? known.high : known.low }
        let errors = (low: Self.poissonError(n, kind, upward: false), high: Self.poissonError(n, kind, upward: true))
        cache[n] = errors
        return upward ? errors.high : errors.low
    }

    /// The distance from `n` to the lower (or upper) end of its interval.
    static func poissonError(_ n: Double, _ kind: ComparatorOptions.PoissonErrors, upward: Bool) -> Double {
        let confidence = PullValuesComparator.confidence
        switch kind {
        case .garwood:
            return upward
                ? SpecialFunctions.poissonUpperLimit(n, confidence: confidence) - n
                : n - SpecialFunctions.poissonLowerLimit(n, confidence: confidence)
        case .autodqm:
            // scipy's chi2.interval(0.6827, 2n) halves to Gamma(n) quantiles; the
            // interval is undefined (NaN → 0) for n = 0.
            guard n > 0 else { return 0 }
            let alpha = 1 - confidence
            return upward
                ? abs(SpecialFunctions.inverseRegularizedGammaQ(n, 0.5 * alpha) - 1 - n)
                : abs(SpecialFunctions.inverseRegularizedGammaP(n, 0.5 * alpha) - 1 - n)
        }
    }
}

/// Garwood errors of the counts 0..<4096, computed once on first use.
enum GarwoodTable {
    static let size = 4096
    static let shared: [(low: Double, high: Double)] = (0..<size).map {
        (IntervalCache.poissonError(Double($0), .garwood, upward: false), IntervalCache.poissonError(Double($0), .garwood, upward: true))
    }
}
