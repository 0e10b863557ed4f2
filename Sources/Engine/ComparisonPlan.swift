import Comparators

/// What to compare, decided from the files' listings and the configuration
/// before any histogram is read.
struct ComparisonPlan: Sendable {
    var histograms: [PlannedComparison]
    var unmatched: [Report.Unmatched] = []
    var subsystem: String?

    /// Every histogram of the data and of the references, in the data's order
    /// and then the references' extras, with the named comparators or the default set.
    static func everything(data: RunIndex, references: [RunIndex], comparators names: [String]?) throws(EngineError) -> ComparisonPlan {
        var comparators: [any Comparator]?
        if let names {
            comparators = []
            for name in names { comparators?.append(try comparator(named: name, context: "compare everything")) }
        }
        var seen = Set(data.order)
        var paths = data.order
        for reference in references {
            for path in reference.order where seen.insert(path).inserted { paths.append(path) }
        }
        return ComparisonPlan(histograms: PlotNames.assign(to: paths.map {
            PlannedComparison(path: $0, comparators: comparators, options: ComparatorOptions(histogramName: $0))
        }))
    }

    /// A comparator from the registry, or an error naming where the name was asked for.
    static func comparator(named name: String, context: String) throws(EngineError) -> any Comparator {
        guard let comparator = Comparators.named(name) else { throw .unknownComparator(name, context: context) }
        return comparator
    }
}
