public import ArgumentParser
public import Engine
import Foundation
import SubsystemConfig

/// `autodqm compare`: one data file against references, written as
/// `results.json`, SVG plots and an `index.html` gallery.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare a data run's histograms with reference runs and write a report.",
        discussion: """
            With --config and --subsystem, compares the histograms the subsystem's AutoDQM \
            configuration names, with its comparators. With --all, compares every histogram \
            found in the data or a reference with the default comparators; histograms missing \
            or empty on one side are reported as such.
            """)

    @Option(help: "AutoDQM configuration directory (or legacy configs.json).")
    var config: String?

    @Option(help: "Subsystem to compare: a configuration file's name without .json.")
    var subsystem: String?

    @Option(help: "How a '*' in a configured path matches: glob (default) or autodqm (AutoDQM's prefix-substring rule).")
    var wildcards: WildcardMode = .glob

    @Flag(name: .customLong("all"), help: "Compare every histogram of the files instead of a subsystem's.")
    var everything = false

    @Option(help: "With --all: comparators to run, comma-separated (default: the default set for each histogram's kind).")
    var comparators: String?

    @Option(name: .customLong("data"), help: "The data run's ROOT file.")
    var data: String

    @Option(name: .customLong("ref"), help: "A reference run's ROOT file (repeat for several).")
    var references: [String] = []

    @Option(name: .customLong("out"), help: "Directory for results.json, index.html and plots/.")
    var output: String

    @Option(help: "Which histograms get plots: all, displayed (flagged, always_show, missing or empty) or none. Default: all for a subsystem, displayed with --all.")
    var plots: ComparisonRequest.Plots?

    @Option(help: "Histograms compared at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        if references.isEmpty { throw ValidationError("give at least one --ref FILE") }
        if everything == (config != nil || subsystem != nil) {
            throw ValidationError("give either --config DIR --subsystem NAME, or --all")
        }
        if !everything, config == nil || subsystem == nil { throw ValidationError("--config and --subsystem go together") }
        if !everything, comparators != nil { throw ValidationError("--comparators goes with --all; a subsystem's configuration names its own") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        var scope = ComparisonRequest.Scope.everything(comparators: comparators.map { $0.split(separator: ",").map(String.init) })
        if let config, let subsystem {
            scope = .subsystem(try SubsystemLoading.load(config: config, subsystem: subsystem), wildcards: wildcards)
        }
        let request = ComparisonRequest(
            data: URL(fileURLWithPath: data), references: references.map(URL.init(fileURLWithPath:)),
            scope: scope, outputDirectory: URL(fileURLWithPath: output), plots: plots ?? (everything ? .displayed : .all),
            concurrency: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        try await ReportRun(request: request, quiet: quiet).run()
    }
}

extension ComparisonRequest.Plots: ExpressibleByArgument {}
