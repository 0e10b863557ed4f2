import ArgumentParser
import Foundation
import RelMon

/// The comparison options `relmon` and `relmon-matrix` share (RelMon's `-s -t -d -B`).
struct RelMonOptionGroup: ParsableArguments {
    @Option(help: "Statistical test: chi2, ks or bin2bin (also RelMon's Chi2, KS, BinToBin, b2b).")
    var test = "chi2"

    @Option(help: "p-value threshold: a test fails when p < threshold (default 1e-5; 1 for bin2bin).")
    var threshold: Double?

    @Option(help: "Compare only this directory below the run directory, e.g. HLT.")
    var dir: String?

    @Option(name: .customShort("B"), help: "Directory blacklist, RelMon's NAME@LEVEL[,NAME@LEVEL...].")
    var blacklist = ""

    @Option(help: "File of histogram paths to skip, one per line, without 'Run summary' (RelMon's blacklist.txt).")
    var blacklistFile: String?

    @Flag(help: "Neither list nor draw successful comparisons.")
    var noSuccesses = false

    @Option(help: "Which comparisons get a plot: none, failures (failures and nulls) or all.")
    var plots = PairRun.Plots.failures.rawValue

    @Flag(help: "Gzip the report's pages and plots in place, with an .htaccess to serve them.")
    var gzip = false

    func options(parallelism: Int) throws -> RelMonOptions {
        guard let chosen = RelMonTest(name: test) else {
            throw ValidationError("unknown test '\(test)': use chi2, ks or bin2bin")
        }
        let histograms = try blacklistFile.map { try HistogramBlacklist(file: URL(fileURLWithPath: $0)) } ?? HistogramBlacklist()
        return RelMonOptions(
            test: chosen, threshold: threshold,
            topDirectory: dir.map { $0.split(separator: "/").map(String.init) } ?? [],
            directoryBlacklist: try DirectoryBlacklist(blacklist), histogramBlacklist: histograms,
            parallelism: parallelism)
    }

    func pairRun(parallelism: Int) throws -> PairRun {
        guard let plots = PairRun.Plots(rawValue: plots) else {
            throw ValidationError("unknown --plots '\(self.plots)': use none, failures or all")
        }
        return PairRun(
            comparer: RelMonComparer(options: try options(parallelism: parallelism), statistics: ComparatorStatistics()),
            showSuccesses: !noSuccesses, plots: plots, drawing: RelMonPlots.draw)
    }
}

/// Writes to standard error, which `print` does not reach.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
