import ArgumentParser
import Foundation
import RelMon

/// `autodqm relmon TEST REF --out DIR`: RelMon's `compare_using_files.py -C -R`.
struct RelMonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relmon",
        abstract: "Compare every histogram of a test file with a reference file and write a ranked report.",
        discussion: """
            Walks both files from their 'Run N' directories, pairs histograms by path, runs RelMon's \
            test and status rules, and writes DIR/RelMonSummary.html (one page per directory), \
            DIR/relmon.json (results, for re-rendering) and DIR/report.txt (RelMon's ASCII report, \
            also printed). Exits with status 2 when nothing could be compared.
            """)

    @Argument(help: "The test ROOT file.") var testFile: String
    @Argument(help: "The reference ROOT file.") var referenceFile: String
    @Option(help: "Report folder.") var out: String
    @OptionGroup var comparison: RelMonOptionGroup
    @Option(help: "Threads testing histograms (default: all cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let output = URL(fileURLWithPath: out)
        let result = try comparison.pairRun(parallelism: jobs).run(
            test: URL(fileURLWithPath: testFile), reference: URL(fileURLWithPath: referenceFile), output: output)
        print(AsciiReport(result: result).text, terminator: "")
        for problem in result.problems { printError("relmon: \(problem)") }
        if comparison.gzip { try ReportCompression.gzipInPlace(output) }
        if result.root.totals.weight == 0 { throw ExitCode(2) }
    }
}
