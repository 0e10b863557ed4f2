import Foundation

/// Compares a data run with its references and builds the `Report`.
///
/// Histograms are read and compared concurrently, `request.concurrency` at a
/// time (all cores by default); each task reads its histogram from every file
/// (the reader uses `pread`, so files are shared), runs the comparators and
/// writes its plots, so memory holds only the histograms in flight.
public enum Engine {
    public static func compare(
        _ request: ComparisonRequest, progress: (@Sendable (ComparisonProgress) -> Void)? = nil
    ) async throws -> Report {
        guard !request.references.isEmpty else { throw EngineError.noReferences }
        let files = try await ([request.data] + request.references).concurrentMap(width: request.concurrency) {
            url throws(EngineError) in try RunIndex(url: url)
        }
        let data = files[0], references = Array(files.dropFirst())
        let plan: ComparisonPlan
        switch request.scope {
        case let .subsystem(subsystem, wildcards):
            plan = try .subsystem(subsystem, data: data, references: references, wildcards: wildcards)
        case let .everything(comparators):
            plan = try .everything(data: data, references: references, comparators: comparators)
        }

        var plots: PlotWriter?
        if let output = request.outputDirectory, request.plots != .none {
            let folder = output.appendingPathComponent(PlotWriter.folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            plots = PlotWriter(
                outputPath: output.path, selection: request.plots,
                dataRun: data.run.label, referenceRuns: references.map(\.run.label))
        }
        let evaluator = HistogramEvaluator(data: data, references: references, plots: plots)
        let total = plan.histograms.count
        let results = try await plan.histograms.concurrentMap(
            width: request.concurrency, completed: { progress?(ComparisonProgress(completed: $0, total: total)) }
        ) { try evaluator.evaluate($0) }

        return Report(
            data: data.run, refs: references.map(\.run), subsystem: plan.subsystem,
            results: outliersFirst(results), unmatched: plan.unmatched)
    }

    /// Sorted by status, keeping the plan's order (configuration or file order) within each.
    private static func outliersFirst(_ results: [HistogramResult]) -> [HistogramResult] {
        results.indices
            .sorted { (results[$0].status, $0) < (results[$1].status, $1) }
            .map { results[$0] }
    }
}
