extension Subsystem {
    /// The settings a comparator gets for one histogram, merged in AutoDQM's order:
    /// the `thresholds_fit` cuts for `referenceCount` references (`chi2_cut`, `pull_cut`;
    /// only when a family matches the name), then the entry's direct cut keys
    /// (`ks_cut`, `min_entries`...), then its `opts`, which AutoDQM applies last.
    /// Keys absent here mean "the comparator's default".
    public func parameters(for entry: HistogramEntry, histogramName: String, referenceCount: Int) -> [String: JSONValue] {
        var parameters: [String: JSONValue] = [:]
        if let fit = thresholdFit(forHistogram: histogramName) {
            let cuts = fit.cuts(referenceCount: referenceCount)
            parameters["chi2_cut"] = .number(cuts.chi2Cut)
            parameters["pull_cut"] = .number(cuts.pullCut)
        }
        for (key, value) in entry.cuts { parameters[key] = .number(value) }
        parameters.merge(entry.options) { _, option in option }
        return parameters
    }
}
