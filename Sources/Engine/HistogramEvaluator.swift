/// Compares one planned histogram: reads it from every file, judges it and
/// has its plots drawn.
struct HistogramEvaluator: Sendable {
    let data: RunIndex
    let references: [RunIndex]
    let plots: PlotWriter?

    func evaluate(_ planned: PlannedComparison) throws -> HistogramResult {
        let verdict = Verdict(
            planned, data: data.lookup(planned.path),
            references: references.map { ($0.run.label, $0.lookup(planned.path)) })
        var result = verdict.result
        if let plots, let data = verdict.data, !verdict.hidden, plots.wanted(display: result.display) {
            result.plots = try plots.draw(
                verdict.comparisons, planned: planned, data: data, references: verdict.references)
        }
        return result
    }
}
