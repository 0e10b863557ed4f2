public import Histogram
public import Foundation
import Render

/// One file pair from paths to a written report, as `autodqm relmon` and each worker of
/// `autodqm relmon-matrix` run it. Bad input becomes a report that says what was wrong.
public struct PairRun: Sendable {
    /// Draws a comparison as an SVG document's UTF-8 bytes; `nil` when it cannot be drawn.
    public typealias Drawing = @Sendable (_ comparison: RelMonComparison, _ test: Histogram, _ reference: Histogram) -> [UInt8]?

    /// Which comparisons get a plot. Plots are most of a report's size and time (RelMon
    /// said the same of its PNGs), so by default only failures and nulls are drawn.
    public enum Plots: String, Sendable, CaseIterable {
        case none, failures, all
    }

    public let comparer: RelMonComparer
    public let showSuccesses: Bool
    public let plots: Plots
    public let drawing: Drawing?

    public init(comparer: RelMonComparer, showSuccesses: Bool = true, plots: Plots = .failures, drawing: Drawing? = nil) {
        self.comparer = comparer
        self.showSuccesses = showSuccesses
        self.plots = plots
        self.drawing = drawing
    }

    /// Compares `test` with `reference` and writes the report into `output`. Unreadable
    /// files and a missing `--dir` give a report holding only the problem.
    @discardableResult
    public func run(test: URL, reference: URL, output: URL) throws -> RelMonResult {
        let plots = output.appendingPathComponent("plots")
        try FileManager.default.createDirectory(at: plots, withIntermediateDirectories: true)
        let result: RelMonResult
        do {
            let testSource = try ROOTSource(url: test), referenceSource = try ROOTSource(url: reference)
            result = try comparer.compare(
                test: testSource, reference: referenceSource, showSuccesses: showSuccesses, plotter: plotter(into: output))
        } catch {
            result = RelMonResult(
                test: comparer.options.test, threshold: comparer.options.threshold,
                testFile: ComparedFile(name: test.lastPathComponent), referenceFile: ComparedFile(name: reference.lastPathComponent),
                topDirectory: comparer.options.topDirectory.joined(separator: "/"), showSuccesses: showSuccesses,
                root: RelMonDirectory(name: comparer.options.topDirectory.last ?? ""), problems: ["\(error)"])
        }
        try PairReport(result: result).write(to: output)
        return result
    }

    private func plotter(into output: URL) -> RelMonComparer.Plotter? {
        guard let drawing, plots != .none else { return nil }
        let plots = plots, folder = output.path
        return { comparison, test, reference in
            guard plots == .all || comparison.status != .success, let svg = drawing(comparison, test, reference) else { return nil }
            let name = PairReport.plotName(for: comparison.path)
            do {
                try OutputFile.write(svg, toPath: folder + "/" + name)
                return name
            } catch {
                return nil
            }
        }
    }
}
