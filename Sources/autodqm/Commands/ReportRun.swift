import Engine
import Foundation

/// Runs a comparison with progress on stderr, writes the report and prints a summary:
/// the part `compare` and `offline` share.
struct ReportRun {
    let request: ComparisonRequest
    let quiet: Bool

    func run() async throws {
        let start = ContinuousClock.now
        let progress = quiet ? nil : ProgressLine(label: "compared")
        let report = try await Engine.compare(request) { progress?.update($0.completed, of: $0.total) }
        progress?.finish()
        guard let output = request.outputDirectory else { return }
        try await report.write(to: output)
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        let counts = report.statusCounts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }
        standardError("\(report.results.count) histograms in \(String(format: "%.2f", seconds)) s: \(counts.joined(separator: ", "))")
        if !report.unmatched.isEmpty {
            standardError("\(report.unmatched.count) configured paths matched nothing (listed in the report)")
        }
        print(output.appendingPathComponent(Report.galleryFileName).path)
    }
}

func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
