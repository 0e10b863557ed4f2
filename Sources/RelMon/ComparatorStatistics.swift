import Comparators
public import Histogram

/// RelMon's tests computed by the Comparators module, which reproduces ROOT. Where ROOT
/// prints an error and returns 0 (empty in range, different binning, ...) so do we; where
/// the Comparators decline a case ROOT computes something meaningless for (2D KS on
/// profiles, 3D KS), the rank is NaN and the comparison NULL.
public struct ComparatorStatistics: RelMonStatistics {
    public init() {}

    public func chi2Probability(_ first: Histogram, _ second: Histogram, option: Chi2Option) -> Double {
        let mode: Chi2Test.Mode = switch option {
        case .uu: .uu
        case .uw: .uw
        case .ww: .ww
        }
        do { return try Chi2Test.test(first, second, mode: mode).pValue } catch { return 0 }
    }

    public func kolmogorovProbability(_ first: Histogram, _ second: Histogram) -> Double {
        do { return try KolmogorovTest.test(first, second).probability } catch {
            switch error {
            case .unsupportedDimension: return .nan
            case .differentBinning, .zeroIntegral, .zeroErrors: return 0
            }
        }
    }

    public func binToBinFraction(_ first: Histogram, _ second: Histogram) -> Double {
        let comparison = BinToBinComparator().compare(data: first, references: [second], options: ComparatorOptions())
        return comparison.scores["identicalFraction"] ?? .nan
    }
}
