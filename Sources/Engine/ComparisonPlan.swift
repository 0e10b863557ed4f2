import Comparators

/// What to compare, decided from the files' listings and the configuration
/// before any histogram is read.
struct ComparisonPlan: Sendable {
    var histograms: [PlannedComparison]
    var unmatched: [Report.Unmatched] = []
    var subsystem: String?

    /// Every histogram of the data and of the references, in the data's order
    /// and then the references' extras, with the default comparators.
    static func everything(data: RunIndex, references: [RunIndex]) -> ComparisonPlan {
        var seen = Set(data.order)
        var paths = data.order
        for reference in references {
            for path in reference.order where seen.insert(path).inserted { paths.append(path) }
        }
        return ComparisonPlan(histograms: PlotNames.assign(to: paths.map {
            PlannedComparison(path: $0, options: ComparatorOptions(histogramName: $0))
        }))
    }
}
