import ArgumentParser
import Foundation
import RelMon

/// `autodqm relmon-matrix --test-dir A --ref-dir B --out DIR`: ValidationMatrix's
/// many-sample comparison with its global summary page.
struct RelMonMatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relmon-matrix",
        abstract: "Pair the DQM files of two folders by sample and compare every pair, in parallel.",
        discussion: """
            Files are paired by the DQM name convention (sample, run, newest version). Each pair gets \
            a report in DIR/<sample>_<processing>/; DIR/RelMonSummary.html summarises all of them and \
            DIR/matrix.json stores the summary. A pair that fails is reported and skipped.
            """)

    @Option(help: "Folder of test files.") var testDir: String
    @Option(help: "Folder of reference files.") var refDir: String
    @Option(help: "Report folder.") var out: String
    @Option(help: "Pairs compared at once.") var jobs = 1
    @Option(help: "Title of the global page (default: the report folder's name).") var title: String?
    @OptionGroup var comparison: RelMonOptionGroup

    func run() throws {
        let output = URL(fileURLWithPath: out)
        let pairing = MatrixPairing(
            testFiles: try MatrixPairing.rootFiles(in: URL(fileURLWithPath: testDir)),
            referenceFiles: try MatrixPairing.rootFiles(in: URL(fileURLWithPath: refDir)))
        for file in pairing.unmatched { printError("relmon-matrix: no partner for \(file.lastPathComponent)") }
        for file in pairing.ignored { printError("relmon-matrix: not a DQM file name, ignored: \(file.lastPathComponent)") }
        guard !pairing.pairs.isEmpty else {
            printError("relmon-matrix: no pair of files to compare")
            throw ExitCode(2)
        }
        // Parallel across pairs; each pair's histograms on one thread.
        let pairRun = try comparison.pairRun(parallelism: 1)
        let total = pairing.pairs.count
        let samples = MatrixRunner(jobs: jobs) { pair, folder in
            try pairRun.run(test: pair.test, reference: pair.reference, output: folder)
        }.run(pairing.pairs, output: output) { sample in
            let outcome = sample.error.map { "failed: \($0)" }
                ?? String(format: "%d tests, %.2f%% successes", sample.totals.weight, sample.totals.rate(of: .success))
            printError("relmon-matrix: \(sample.name): \(outcome)" + sample.problems.map { "; \($0)" }.joined())
        }
        let options = try comparison.options(parallelism: 1)
        let summary = MatrixSummary(
            title: title ?? output.lastPathComponent, test: options.test, threshold: options.threshold,
            samples: samples, unmatched: (pairing.unmatched + pairing.ignored).map(\.lastPathComponent))
        try MatrixReport(summary: summary).write(to: output)
        if comparison.gzip { try ReportCompression.gzipInPlace(output) }
        printError("relmon-matrix: \(total) pairs, report in \(output.appendingPathComponent(MatrixReport.page).path)")
    }
}
