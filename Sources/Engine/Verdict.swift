import Comparators
import Histogram

/// A histogram as found (or not) in one file.
enum Lookup: Sendable {
    case found(Histogram)
    case absent
    case unreadable(String)

    var histogram: Histogram? {
        if case let .found(histogram) = self { histogram } else { nil }
    }
}

/// The judgement on one histogram from what was found in each file: the
/// comparators' outcomes, the status and the display decision. No I/O.
struct Verdict {
    var result: HistogramResult
    /// The comparisons run, with what they want drawn.
    var comparisons: [Comparison] = []
    var data: Histogram?
    var references: [Histogram] = []
    /// Selective display hid it: no card by default and no plot.
    var hidden = false

    init(_ planned: PlannedComparison, data dataLookup: Lookup, references referenceLookups: [(label: String, lookup: Lookup)]) {
        var notes: [String] = []
        if case let .unreadable(reason) = dataLookup { notes.append("data: cannot read: \(reason)") }
        let data = dataLookup.histogram
        for (label, lookup) in referenceLookups {
            switch lookup {
            case let .found(histogram): references.append(histogram)
            case .absent: if data != nil { notes.append("missing in reference run \(label)") }
            case let .unreadable(reason): notes.append("reference run \(label): cannot read: \(reason)")
            }
        }
        self.data = data
        result = HistogramResult(
            path: planned.path, className: data?.className ?? references.first?.className ?? "",
            status: .ok, flagged: false, display: true,
            entries: Entries(data: data?.entries, refs: referenceLookups.map { $0.lookup.histogram?.entries }),
            notes: notes, configPath: planned.configPath)

        guard let data else {
            result.status = if case .absent = dataLookup { .missingInData } else { .notComparable }
            return
        }
        guard !references.isEmpty else {
            let absentEverywhere = referenceLookups.allSatisfy { if case .absent = $0.lookup { true } else { false } }
            result.status = absentEverywhere ? .missingInReference : .notComparable
            if absentEverywhere { result.notes = [] }
            return
        }

        let comparators = planned.comparators ?? Comparators.defaultSet(for: data)
        comparisons = comparators.map { $0.compare(data: data, references: references, options: planned.options) }
        for comparison in comparisons {
            result.comparators[comparison.comparator] = ComparatorOutcome(
                scores: comparison.scores, flagged: comparison.flagged, info: comparison.info)
        }
        result.flagged = comparisons.contains { $0.flagged }
        result.status = Self.status(data: data, references: references, comparisons: comparisons, flagged: result.flagged)
        if result.status == .ok, data.isEmpty { result.notes.append("empty in the data and in every reference") }
        result.display = result.flagged || planned.alwaysShow || result.status.needsAttention
        // AutoDQM draws nothing at all for these: they are far below every cut.
        hidden = planned.selectiveDisplay && !result.display && comparisons.allSatisfy(Self.isQuiet)
    }

    private static func status(
        data: Histogram, references: [Histogram], comparisons: [Comparison], flagged: Bool
    ) -> HistogramResult.Status {
        if flagged { return .flagged }
        let referencesEmpty = references.allSatisfy(\.isEmpty)
        if data.isEmpty { return referencesEmpty ? .ok : .emptyData }
        if referencesEmpty { return .emptyReference }
        let judged = comparisons.contains { if case .notApplicable = $0.status { false } else { true } }
        return judged ? .ok : .notComparable
    }

    /// AutoDQM's selective display test: below half of both cuts (the signed pull,
    /// as AutoDQM compares it); comparators without those scores: not flagged.
    private static func isQuiet(_ comparison: Comparison) -> Bool {
        guard !comparison.flagged else { return false }
        let scores = comparison.scores
        guard let chi2 = scores["chi2"], let chi2Cut = scores["chi2Cut"],
              let maxPull = scores["maxPull"], let pullCut = scores["pullCut"] else { return true }
        return chi2 < 0.5 * chi2Cut && maxPull < 0.5 * pullCut
    }
}
