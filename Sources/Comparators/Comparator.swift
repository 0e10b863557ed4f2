public import Histogram

/// One statistical comparison of a data histogram against its references.
///
/// AutoDQM's plugin contract: a name, the data histogram, one or more references,
/// the per-histogram configuration; returns scores, a flag, a short info text and
/// what to draw. A new algorithm is one file conforming to this protocol plus one
/// line in `Comparators.all`.
public protocol Comparator: Sendable {
    static var name: String { get }
    /// Must never trap: unusable inputs give `.notApplicable` with a reason.
    func compare(data: Histogram, references: [Histogram], options: ComparatorOptions) -> Comparison
}

extension Comparator {
    public var name: String { Self.name }
}

/// The registry of every comparator, looked up by name from configuration files.
public enum Comparators {
    public static let all: [any Comparator] = [
        KolmogorovComparator(),
        Chi2Comparator(),
        BinToBinComparator(),
        PullValuesComparator(),
        BetaBinomialComparator(),
        RegionalComparator(),
        ProfileComparator(),
    ]

    public static func named(_ name: String) -> (any Comparator)? {
        all.first { $0.name == name }
    }

    /// The comparators our service runs by default on a histogram of this kind:
    /// beta-binomial for every plain histogram (1D, 2D, 3D), the regional detector
    /// on top for 1D and 2D, and the profile comparison for profiles. A histogram
    /// is flagged when any of its comparators flags it.
    public static func defaultSet(for histogram: Histogram) -> [any Comparator] {
        if histogram.isProfile { return [ProfileComparator()] }
        if histogram.dimension <= 2 { return [BetaBinomialComparator(), RegionalComparator()] }
        return [BetaBinomialComparator()]
    }
}
