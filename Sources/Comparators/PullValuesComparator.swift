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
        var d = Binning.clampedInRangeContents(data)
        let r = Binning.clampedInRangeContents(reference)
        let dataTotal = d.reduce(0, +), referenceTotal = r.reduce(0, +)
        if dataTotal == 0 { return .notApplicable(name, .emptyData) }
        if referenceTotal == 0 { return .notApplicable(name, .emptyReference) }
        normalise(&d, to: r, nx: data.xAxis.binCount, type: options.normType)

        var pulls = [Double](repeating: 0, count: d.count)
        // Maps repeat the same counts many times: each interval is inverted once.
        var intervals = IntervalCache(kind: options.poissonErrors)
        for i in d.indices {
            let (dataError, referenceError) = intervals.errors(d[i], r[i])
            let sigma = (dataError * dataError + referenceError * referenceError).squareRoot()
            pulls[i] = dataError + referenceError == 0 ? 0 : (d[i] - r[i]) / sigma
        }
        let maxPull = pulls.map(abs).max() ?? 0
        let chi2 = pulls.reduce(0) { $0 + $1 * $1 } / Double(pulls.count)
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

    /// Scales data to the reference: globally, or per row (y bin) / column (x bin),
    /// leaving rows with no data unscaled.
    private func normalise(_ d: inout [Double], to r: [Double], nx: Int, type: ComparatorOptions.NormType) {
        let ny = d.count / nx
        switch type {
        case .all:
            let scale = r.reduce(0, +) / d.reduce(0, +)
            for i in d.indices { d[i] *= scale }
        case .row:
            for y in 0..<ny {
                let cells = (0..<nx).map { y * nx + $0 }
                scale(&d, r, cells)
            }
        case .col:
            for x in 0..<nx {
                let cells = (0..<ny).map { $0 * nx + x }
                scale(&d, r, cells)
            }
        }
    }

    private func scale(_ d: inout [Double], _ r: [Double], _ cells: [Int]) {
        let dataSum = cells.reduce(0) { $0 + d[$1] }
        guard dataSum != 0 else { return }
        let factor = cells.reduce(0) { $0 + r[$1] } / dataSum
        for cell in cells { d[cell] *= factor }
    }

}

/// Downward and upward Poisson errors of (possibly scaled) counts, memoised per value.
struct IntervalCache {
    let kind: ComparatorOptions.PoissonErrors
    private var cache: [Double: (low: Double, high: Double)] = [:]

    init(kind: ComparatorOptions.PoissonErrors) { self.kind = kind }

    /// (σ data, σ reference), each on the side facing the other value.
    mutating func errors(_ d: Double, _ r: Double) -> (Double, Double) {
        let dataInterval = poissonErrors(d), referenceInterval = poissonErrors(r)
        return d >= r ? (dataInterval.low, referenceInterval.high) : (dataInterval.high, referenceInterval.low)
    }

    mutating func poissonErrors(_ n: Double) -> (low: Double, high: Double) {
        if let known = cache[n] { return known }
        let computed = Self.poissonErrors(n, kind)
        cache[n] = computed
        return computed
    }

    static func poissonErrors(_ n: Double, _ kind: ComparatorOptions.PoissonErrors) -> (low: Double, high: Double) {
        let alpha = 1 - PullValuesComparator.confidence
        switch kind {
        case .garwood:
            let interval = SpecialFunctions.poissonInterval(n, confidence: PullValuesComparator.confidence)
            return (n - interval.lower, interval.upper - n)
        case .autodqm:
            // scipy's chi2.interval(0.6827, 2n) halves to Gamma(n) quantiles; the
            // interval is undefined (NaN → 0) for n = 0.
            guard n > 0 else { return (0, 0) }
            let lower = SpecialFunctions.inverseRegularizedGammaP(n, 0.5 * alpha)
            let upper = SpecialFunctions.inverseRegularizedGammaQ(n, 0.5 * alpha)
            return (abs(lower - 1 - n), abs(upper - 1 - n))
        }
    }
}
