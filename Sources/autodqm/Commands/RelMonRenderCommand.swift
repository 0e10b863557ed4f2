import ArgumentParser
import Foundation
import RelMon

/// `autodqm relmon-render DIR`: rebuilds the pages of a report from its stored results,
/// without reading the ROOT files again (RelMon's `-R -P file.pkl`).
struct RelMonRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relmon-render",
        abstract: "Re-render a relmon or relmon-matrix report from its relmon.json / matrix.json.")

    @Argument(help: "The report folder.") var folder: String

    func run() throws {
        let output = URL(fileURLWithPath: folder)
        let matrix = output.appendingPathComponent(MatrixSummary.file)
        guard FileManager.default.fileExists(atPath: matrix.path) else {
            try PairReport(result: RelMonResult.read(from: output.appendingPathComponent(PairReport.resultsFile)))
                .write(to: output)
            return
        }
        let summary = try MatrixSummary.read(from: matrix)
        for sample in summary.samples where sample.error == nil {
            let pair = output.appendingPathComponent(sample.name)
            try PairReport(result: RelMonResult.read(from: pair.appendingPathComponent(PairReport.resultsFile))).write(to: pair)
        }
        try MatrixReport(summary: summary).write(to: output)
    }
}
