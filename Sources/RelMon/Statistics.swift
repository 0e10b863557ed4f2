public import Histogram

/// The statistical tests a RelMon comparison calls, with ROOT's semantics. The RelMon
/// module decides *which* call to make (``TestPlan``); the numbers come from the
/// Comparators module, which reproduces ROOT.
public protocol RelMonStatistics: Sendable {
    /// ROOT's `first.Chi2Test(second, option)` p-value.
    func chi2Probability(_ first: Histogram, _ second: Histogram, option: Chi2Option) -> Double
    /// ROOT's `first.KolmogorovTest(second, "")` p-value.
    func kolmogorovProbability(_ first: Histogram, _ second: Histogram) -> Double
    /// RelMon's bin-to-bin "fake p-value": the fraction of identical global bins.
    func binToBinFraction(_ first: Histogram, _ second: Histogram) -> Double
}

/// One tested pair's outcome.
public struct Verdict: Sendable, Equatable {
    public var status: RelMonStatus
    public var rank: Double
    public var note: RelMonNote?

    public init(status: RelMonStatus, rank: Double, note: RelMonNote? = nil) {
        self.status = status
        self.rank = rank
        self.note = note
    }
}

extension TestPlan {
    /// The rank of this plan: the pre-checked one, or the p-value of the call.
    public func rank(using statistics: some RelMonStatistics) -> (rank: Double, note: RelMonNote?) {
        switch self {
        case .decided(let rank, let note): return (rank, note)
        case .chi2(let first, let second, let option):
            return checked(statistics.chi2Probability(first, second, option: option))
        case .kolmogorov(let first, let second):
            return checked(statistics.kolmogorovProbability(first, second))
        case .binToBin(let first, let second):
            return checked(statistics.binToBinFraction(first, second))
        }
    }

    public func verdict(threshold: Double, using statistics: some RelMonStatistics) -> Verdict {
        let (rank, note) = rank(using: statistics)
        return Verdict(status: RelMonStatus.decide(rank: rank, threshold: threshold), rank: rank, note: note)
    }

    private func checked(_ value: Double) -> (Double, RelMonNote?) {
        value.isNaN ? (value, .undefined) : (value, nil)
    }
}
