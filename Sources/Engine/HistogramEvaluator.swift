import Comparators

/// Compares one planned histogram: reads it from every file (with its
/// `concatenate` siblings appended), judges it and has its plots drawn.
struct HistogramEvaluator: Sendable {
    let data: RunIndex
    let references: [RunIndex]
    let plots: PlotWriter?

    func evaluate(_ planned: PlannedComparison) throws -> HistogramResult {
        var notes: [String] = []
        let files = [data] + references
        // AutoDQM appends only siblings that every file holding the histogram has.
        let siblings = planned.siblings.filter { sibling in
            let holders = files.filter { $0.keys[planned.path] != nil }
            let complete = holders.allSatisfy { $0.keys[sibling] != nil }
            if !complete { notes.append("concatenate: \(sibling) is missing in some file; compared without it") }
            return complete
        }
        func lookup(_ file: RunIndex) -> Lookup {
            let main = file.lookup(planned.path)
            guard case let .found(histogram) = main, !siblings.isEmpty else { return main }
            var parts = [histogram]
            for sibling in siblings {
                guard case let .found(part) = file.lookup(sibling) else { return .unreadable("cannot read \(sibling) to concatenate") }
                parts.append(part)
            }
            do {
                return .found(try Concatenation.concatenate(parts))
            } catch {
                return .unreadable("cannot concatenate \(siblings.joined(separator: ", ")): \(error)")
            }
        }
        var verdict = Verdict(planned, data: lookup(data), references: references.map { ($0.run.label, lookup($0)) })
        verdict.result.notes += notes
        var result = verdict.result
        if let plots, let data = verdict.data, !verdict.hidden, plots.wanted(display: result.display) {
            result.plots = try plots.draw(
                verdict.comparisons, planned: planned, data: data, references: verdict.references)
        }
        return result
    }
}
