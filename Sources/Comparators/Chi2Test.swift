public import Histogram
import SpecialFunctions

/// ROOT's `TH1::Chi2Test` (Gagunashvili's homogeneity tests) for 1D, 2D and 3D,
/// without under/overflow, reproduced operation by operation, empty-bin and
/// zero-error rules included.
public enum Chi2Test {
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// Unweighted–unweighted.
        case uu = "UU"
        /// Unweighted (first) – weighted (second).
        case uw = "UW"
        /// Weighted–weighted.
        case ww = "WW"
    }

    public struct Result: Sendable, Equatable {
        public var pValue: Double
        public var chi2: Double
        public var ndf: Int
        /// ROOT's `igood` warning bits (1: a low bin in h1, 2: in h2).
        public var igood: Int
        /// ROOT's `Chi2Test(..., "CHI2/NDF")`: 0 when ndf is 0.
        public var chi2PerNdf: Double { ndf == 0 ? 0 : chi2 / Double(ndf) }
    }

    public enum Failure: Error, Equatable, Sendable {
        case differentDimension
        case differentBinCount
        case emptyHistogram
        case allZeroErrors
        /// UW: the weighted histogram has a bin with zero content and zero error
        /// while its errors are all zero; WW: both errors zero in a bin.
        case zeroContentAndError(bin: Int)
    }

    public static func run(_ h1: Histogram, _ h2: Histogram, mode: Mode) -> Result? {
        try? test(h1, h2, mode: mode)
    }

    public static func test(_ h1: Histogram, _ h2: Histogram, mode: Mode) throws(Failure) -> Result {
        guard h1.dimension == h2.dimension else { throw .differentDimension }
        guard zip(h1.axes, h2.axes).allSatisfy({ $0.binCount == $1.binCount }) else { throw .differentBinCount }
        let cells = h1.axes.reduce(1) { $0 * $1.binCount }
        return try CellBuffers.with(h1, h2) { (c1, c2) throws(Failure) in
            // Every loop visits ROOT's order (x outermost, z innermost), so sums round as ROOT's do.
            var sum1 = 0.0, sum2 = 0.0, sumw1 = 0.0, sumw2 = 0.0
            CellBuffers.forEachBinXOuter(of: h1) { bin in
                sum1 += c1.contents[bin]
                sum2 += c2.contents[bin]
                if mode == .ww { sumw1 += c1.variance(bin) }
                if mode != .uu { sumw2 += c2.variance(bin) }
            }
            guard sum1 != 0, sum2 != 0 else { throw .emptyHistogram }
            if mode == .ww, sumw1 <= 0, sumw2 <= 0 { throw .allZeroErrors }

            var state = State(ndf: cells - 1, sum1: sum1, sum2: sum2)
            let bins = Bins(c1: c1, c2: c2, order: h1)
            switch mode {
            case .uu: unweightedUnweighted(bins, &state)
            case .uw: try unweightedWeighted(bins, sumw2, &state)
            case .ww: try weightedWeighted(bins, &state)
            }
            let igood = (state.lowBins1 > 0 ? 1 : 0) + (state.lowBins2 > 0 ? 2 : 0)
            return Result(
                pValue: SpecialFunctions.rootProb(state.chi2, degreesOfFreedom: state.ndf),
                chi2: state.chi2, ndf: state.ndf, igood: igood)
        }
    }

    /// Both histograms' cells, and the histogram whose binning gives the loop order.
    struct Bins {
        let c1: CellBuffers
        let c2: CellBuffers
        let order: Histogram
    }

    struct State {
        var ndf: Int
        var sum1: Double
        var sum2: Double
        var chi2 = 0.0
        var lowBins1 = 0
        var lowBins2 = 0
    }

    private static func unweightedUnweighted(_ cells: Bins, _ s: inout State) {
        let (c1, c2) = (cells.c1.contents, cells.c2.contents)
        CellBuffers.forEachBinXOuter(of: cells.order) { bin in
            let cnt1 = c1[bin], cnt2 = c2[bin]
            // ROOT truncates to int here: bins below one count in both are "empty"
            // (|x| < 1 is exactly Int(x) == 0, without a conversion that traps).
            if cnt1.magnitude < 1 && cnt2.magnitude < 1 {
                s.ndf -= 1
                return
            }
            if cnt1 < 1 { s.lowBins1 += 1 }
            if cnt2 < 1 { s.lowBins2 += 1 }
            let cntsum = cnt1 + cnt2
            let delta = s.sum2 * cnt1 - s.sum1 * cnt2
            s.chi2 += delta * delta / cntsum
        }
        s.chi2 /= s.sum1 * s.sum2
    }

    private static func unweightedWeighted(_ cells: Bins, _ sumw2: Double, _ s: inout State) throws(Failure) {
        try CellBuffers.forEachBinXOuter(of: cells.order) { (bin) throws(Failure) in
            var cnt1 = cells.c1.contents[bin]
            let cnt2 = cells.c2.contents[bin]
            var e2sq = cells.c2.variance(bin)
            if cnt1 * cnt1 == 0 && cnt2 * cnt2 == 0 {
                s.ndf -= 1
                return
            }
            if cnt2 * cnt2 == 0 && e2sq == 0 {
                // An empty weighted bin gets the mean squared weight as its error.
                guard sumw2 > 0 else { s.chi2 = 0; throw .zeroContentAndError(bin: bin) }
                e2sq = sumw2 / s.sum2
            }
            if cnt1 < 1 { s.lowBins1 += 1 }
            if e2sq > 0 && cnt2 * cnt2 / e2sq < 10 { s.lowBins2 += 1 }

            var var1 = s.sum2 * cnt2 - s.sum1 * e2sq
            var var2 = var1 * var1 + 4 * s.sum2 * s.sum2 * cnt1 * e2sq
            // ROOT's workaround for a vanishing estimate: bump the unweighted count
            // (and, as ROOT does, its total for the following bins too).
            func bump() {
                s.sum1 += 1
                cnt1 += 1
                var1 = s.sum2 * cnt2 - s.sum1 * e2sq
                var2 = var1 * var1 + 4 * s.sum2 * s.sum2 * cnt1 * e2sq
            }
            while var1 * var1 + cnt1 == 0 || var1 + var2 == 0 { bump() }
            var2 = var2.squareRoot()
            while var1 + var2 == 0 {
                bump()
                while var1 * var1 + cnt1 == 0 || var1 + var2 == 0 { bump() }
                var2 = var2.squareRoot()
            }
            let probability = (var1 + var2) / (2 * s.sum2 * s.sum2)
            let nexp1 = probability * s.sum1, nexp2 = probability * s.sum2
            let delta1 = cnt1 - nexp1, delta2 = cnt2 - nexp2
            s.chi2 += delta1 * delta1 / nexp1
            if e2sq > 0 { s.chi2 += delta2 * delta2 / e2sq }
        }
    }

    private static func weightedWeighted(_ cells: Bins, _ s: inout State) throws(Failure) {
        try CellBuffers.forEachBinXOuter(of: cells.order) { (bin) throws(Failure) in
            let cnt1 = cells.c1.contents[bin], cnt2 = cells.c2.contents[bin]
            let e1sq = cells.c1.variance(bin), e2sq = cells.c2.variance(bin)
            if cnt1 * cnt1 == 0 && cnt2 * cnt2 == 0 {
                s.ndf -= 1
                return
            }
            if e1sq == 0 && e2sq == 0 { s.chi2 = 0; throw .zeroContentAndError(bin: bin) }
            let sigma = s.sum1 * s.sum1 * e2sq + s.sum2 * s.sum2 * e1sq
            let delta = s.sum2 * cnt1 - s.sum1 * cnt2
            s.chi2 += delta * delta / sigma
            if e1sq > 0 && cnt1 * cnt1 / e1sq < 10 { s.lowBins1 += 1 }
            if e2sq > 0 && cnt2 * cnt2 / e2sq < 10 { s.lowBins2 += 1 }
        }
    }
}
