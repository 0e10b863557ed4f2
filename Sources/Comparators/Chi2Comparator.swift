public import Histogram

/// `chi2_test`: ROOT's `Chi2Test` with the mode chosen by RelMon's rule — "UU"
/// when both histograms are unweighted, "WW" when both are weighted, "UW" (with
/// the unweighted one first) otherwise; profiles always "WW", as ROOT does.
/// Flags when the p-value is below `pValueCut` (default 1e-5, RelMon's
/// threshold). Uses the first reference.
/// Scores: `pValue`, `chi2`, `ndf`, `chi2PerNdf`.
public struct Chi2Comparator: Comparator {
    public static let name = "chi2_test"
    public init() {}

    public func compare(data: Histogram, references: [Histogram], options: ComparatorOptions) -> Comparison {
        if let problem = Binning.problem(data: data, references: references) {
            return .notApplicable(name, problem)
        }
        let reference = references[0]
        if data.isEmpty { return .notApplicable(name, .emptyData) }
        if reference.isEmpty { return .notApplicable(name, .emptyReference) }
        let (first, second, mode) = Self.arrangement(data, reference)
        let result: Chi2Test.Result
        do {
            result = try Chi2Test.test(first, second, mode: mode)
        } catch .emptyHistogram {
            // Content only in under/overflow: nothing in range to compare.
            return .notApplicable(name, data.sumOfWeights == 0 ? .emptyData : .emptyReference)
        } catch {
            return .notApplicable(name, .notFinite, info: "ROOT's chi2 test is undefined here: \(error)")
        }
        let cut = options.pValueCut ?? 1e-5
        let flagged = result.pValue < cut
        return Comparison(
            comparator: name, status: flagged ? .flagged : .ok,
            scores: [
                "pValue": result.pValue, "chi2": result.chi2, "ndf": Double(result.ndf),
                "chi2PerNdf": result.chi2PerNdf,
            ],
            info: "chi2/ndf = \(formatted(result.chi2PerNdf)) (\(mode.rawValue)), p = \(result.pValue)")
    }

    /// RelMon's option choice, returning the histograms in the order ROOT wants them.
    public static func arrangement(_ data: Histogram, _ reference: Histogram) -> (Histogram, Histogram, Chi2Test.Mode) {
        if data.isProfile || reference.isProfile { return (data, reference, .ww) }
        switch (data.isWeighted, reference.isWeighted) {
        case (false, false): return (data, reference, .uu)
        case (true, true): return (data, reference, .ww)
        case (false, true): return (data, reference, .uw)
        case (true, false): return (reference, data, .uw)
        }
    }
}
