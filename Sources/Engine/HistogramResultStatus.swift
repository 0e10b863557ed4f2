extension HistogramResult {
    /// What the engine could say about one histogram.
    ///
    /// Missing and empty histograms get their own status instead of a comparator
    /// verdict: for a shifter "the histogram is gone" is a different problem from
    /// "the histogram looks wrong".
    public enum Status: String, Sendable, Codable, CaseIterable, Comparable {
        /// At least one comparator flagged the histogram as an outlier.
        case flagged
        /// In the references but not in the data run.
        case missingInData = "missing_in_data"
        /// In the data but in none of the references.
        case missingInReference = "missing_in_reference"
        /// Present in the data run with every cell zero while a reference has entries.
        case emptyData = "empty_data"
        /// The data has entries but every reference holding the histogram is empty.
        case emptyReference = "empty_reference"
        /// The histograms cannot be compared: different class or binning, or no
        /// comparator applies to this kind of histogram.
        case notComparable = "not_comparable"
        /// Compared and found compatible (or both sides empty).
        case ok

        /// Whether the status calls for a shifter's attention even without a plot.
        public var needsAttention: Bool { self != .ok }

        /// Report order: outliers first, then the other problems, compatible last.
        public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }

        private var rank: Int {
            switch self {
            case .flagged: 0
            case .missingInData: 1
            case .emptyData: 2
            case .missingInReference: 3
            case .emptyReference: 4
            case .notComparable: 5
            case .ok: 6
            }
        }
    }
}
