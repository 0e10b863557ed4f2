public import Histogram
import SpecialFunctions

/// ROOT's `TH1::KolmogorovTest` (1D) and `TH2::KolmogorovTest` (2D) on binned
/// histograms, without under/overflow, reproduced operation by operation.
public enum KolmogorovTest {
    public struct Result: Sendable, Equatable {
        /// ROOT's return value with option "": `TMath::KolmogorovProb(z)`.
        public var probability: Double
        /// ROOT's return value with option "M": the maximum CDF distance (2D: the
        /// mean of the x-first and y-first distances).
        public var maxDistance: Double
    }

    public enum Failure: Error, Equatable, Sendable {
        case unsupportedDimension, differentBinning, zeroIntegral, zeroErrors
    }

    public static func run(_ h1: Histogram, _ h2: Histogram) -> Result? {
        try? test(h1, h2)
    }

    /// The test, with ROOT's failure cases as errors (ROOT prints them and returns 0).
    public static func test(_ h1: Histogram, _ h2: Histogram) throws(Failure) -> Result {
        guard h1.dimension == h2.dimension, h1.dimension <= 2 else { throw .unsupportedDimension }
        guard Binning.isCompatible(h1, h2) else { throw .differentBinning }
        let nx = h1.xAxis.binCount, ny = h1.yAxis?.binCount ?? 1
        return try CellBuffers.with(h1, h2) { (c1, c2) throws(Failure) in
            var sum1 = 0.0, sum2 = 0.0, w1 = 0.0, w2 = 0.0
            CellBuffers.forEachBinXOuter(of: h1) { bin in
                sum1 += c1.contents[bin]
                sum2 += c2.contents[bin]
                // ROOT squares GetBinError: the square root's rounding is part of the result.
                let e1 = c1.variance(bin).squareRoot(), e2 = c2.variance(bin).squareRoot()
                w1 += e1 * e1
                w2 += e2 * e2
            }
            guard sum1 != 0, sum2 != 0 else { throw .zeroIntegral }
            // Zero errors mean "an exact function": the rescaling then uses only the other histogram.
            let exact1 = !(w1 > 0), exact2 = !(w2 > 0)
            guard !(exact1 && exact2) else { throw .zeroErrors }
            let esum1 = exact1 ? 0 : sum1 * sum1 / w1
            let esum2 = exact2 ? 0 : sum2 * sum2 / w2
            let s1 = 1 / sum1, s2 = 1 / sum2

            let distance: Double
            if h1.dimension == 1 {
                distance = maxCDFDistance(c1.contents, c2.contents, s1, s2, outer: nx, outerStep: 1, inner: 1, innerStep: 0)
            } else {
                // ROOT averages the distances of the two cumulation orders.
                let stride = nx + 2
                let yInner = maxCDFDistance(c1.contents, c2.contents, s1, s2, outer: nx, outerStep: 1, inner: ny, innerStep: stride)
                let xInner = maxCDFDistance(c1.contents, c2.contents, s1, s2, outer: ny, outerStep: stride, inner: nx, innerStep: 1)
                distance = 0.5 * (yInner + xInner)
            }
            let z: Double
            if exact1 {
                z = distance * esum2.squareRoot()
            } else if exact2 {
                z = distance * esum1.squareRoot()
            } else if h1.dimension == 1 {
                z = distance * (esum1 * esum2 / (esum1 + esum2)).squareRoot()
            } else {
                // TH2::KolmogorovTest scales by the plain sum of h2, not its effective
                // entries; the two differ for weighted histograms and profiles.
                z = distance * (esum1 * sum2 / (esum1 + esum2)).squareRoot()
            }
            return Result(probability: SpecialFunctions.rootKolmogorovProb(z), maxDistance: distance)
        }
    }

    /// The largest distance between the normalised cumulative sums, visiting in-range
    /// global bins `o * outerStep + i * innerStep` for o in 1...outer, i in 1...inner.
    @inline(__always)
    private static func maxCDFDistance(
        _ c1: UnsafeBufferPointer<Double>, _ c2: UnsafeBufferPointer<Double>, _ s1: Double, _ s2: Double,
        outer: Int, outerStep: Int, inner: Int, innerStep: Int
    ) -> Double {
        var cdf1 = 0.0, cdf2 = 0.0, distance = 0.0
        for o in 1...outer {
            var b = o * outerStep
            for _ in 1...inner {
                b += innerStep
                cdf1 += s1 * c1[b]
                cdf2 += s2 * c2[b]
                distance = max(distance, abs(cdf1 - cdf2))
            }
        }
        return distance
    }
}

/// `ks_test`: a shape comparison of the binned distributions with ROOT's
/// Kolmogorov–Smirnov test (not AutoDQM's test on the list of bin heights).
/// Flags when the p-value is below `pValueCut` (default 1e-5) and the data has at
/// least `minEntries` (default 1) entries. Uses the first reference.
/// Scores: `pValue`, `maxDistance`.
public struct KolmogorovComparator: Comparator {
    public static let name = "ks_test"
    public init() {}

    public func compare(data: Histogram, references: [Histogram], options: ComparatorOptions) -> Comparison {
        if let problem = Binning.problem(data: data, references: references, dimensions: 1...2) {
            return .notApplicable(name, problem)
        }
        let reference = references[0]
        // ROOT's 2D test on profiles cumulates bin means: not a meaningful p-value,
        // so the `profile` comparator judges them instead.
        if data.dimension == 2 && (data.isProfile || reference.isProfile) {
            return .notApplicable(name, .unsupportedType)
        }
        let result: KolmogorovTest.Result
        do {
            result = try KolmogorovTest.test(data, reference)
        } catch .zeroIntegral {
            return .notApplicable(name, data.sumOfWeights == 0 ? .emptyData : .emptyReference)
        } catch {
            return .notApplicable(name, .incompatibleBinning, info: "\(error)")
        }
        let cut = options.pValueCut ?? 1e-5
        let flagged = data.sumOfWeights >= (options.minEntries ?? 1) && result.probability < cut
        return Comparison(
            comparator: name, status: flagged ? .flagged : .ok,
            scores: ["pValue": result.probability, "maxDistance": result.maxDistance],
            info: "KS p = \(result.probability), D = \(formatted(result.maxDistance, digits: 4))")
    }
}
