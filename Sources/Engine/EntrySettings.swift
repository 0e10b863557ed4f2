import Comparators
import SubsystemConfig

/// A configuration entry translated for the comparators and the plots.
///
/// AutoDQM passes every entry key to its plugins; `opts` strings override the
/// direct keys, as in its beta_binomial.
struct EntrySettings {
    let options: ComparatorOptions
    let style: PlotStyle

    init(entry: HistogramEntry, subsystem: Subsystem, histogramName: String) {
        func number(_ key: String) -> Double? { entry.options[key]?.number ?? entry.cuts[key] }
        func text(_ key: String) -> String? { entry.options[key]?.string }
        func flag(_ key: String) -> Bool { entry.options[key]?.bool ?? false }
        options = ComparatorOptions(
            histogramName: histogramName, subsystem: subsystem.name,
            normType: entry.normType.flatMap { ComparatorOptions.NormType(rawValue: $0.rawValue) } ?? .all,
            xmin: entry.xMin, xmax: entry.xMax, concatenate: entry.concatenate,
            pullCap: number("pull_cap"), chi2Cut: number("chi2_cut"), pullCut: number("pull_cut"),
            minEntries: number("min_entries"), tol: number("tol"),
            pValueCut: number("p_value_cut"), regionCut: number("region_cut"),
            poissonErrors: entry.poissonErrors.flatMap(ComparatorOptions.PoissonErrors.init(rawValue:)) ?? .garwood,
            thresholdsFit: subsystem.thresholdsFit)
        style = PlotStyle(
            title: text("plot_title"), xTitle: text("xaxis_title"), yTitle: text("yaxis_title"),
            xLabels: entry.xLabels, yLabels: entry.yLabels, logX: flag("logx"), logY: flag("logy"))
    }
}
