import ArgumentParser
import DQMClient
import Engine
import Foundation
import RunStore
import SubsystemConfig

/// `autodqm offline`: AutoDQM's `run-offline.py`. Runs are named by series,
/// sample and run number and taken from the local store, fetched first (from
/// the DQM server, or a directory with its layout given by --local) when absent.
struct OfflineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offline",
        abstract: "Fetch a data run and reference runs by series/sample/run and compare one subsystem (AutoDQM's run-offline.py).",
        discussion: """
            Example: autodqm offline CSC Run2018 ZeroBias 315705 315000_315100 --local /data/dqm
            Reference series and sample default to the data run's. Results go to --output \
            (default $ADQM_OUT, else ./out): results.json, index.html and plots/.
            """)

    @Argument(help: "Subsystem: a configuration file's name without .json.")
    var subsystem: String

    @Argument(help: "The data run's series (era), e.g. Run2018.")
    var dataSeries: String

    @Argument(help: "The data run's sample (primary dataset), e.g. ZeroBias.")
    var dataSample: String

    @Argument(help: "The data run.")
    var dataRun: Int

    @Argument(help: "The reference run; several joined by '_' (e.g. 315000_315100).")
    var refRuns: String

    @Option(help: "The references' series (default: the data run's).")
    var refSeries: String?

    @Option(help: "The references' sample (default: the data run's).")
    var refSample: String?

    @Option(name: [.customShort("c"), .long], help: "Configuration directory (default: $ADQM_CONFIG, else ./configs).")
    var config: String?

    @Option(name: [.customShort("o"), .long], help: "Output directory (default: $ADQM_OUT, else ./out).")
    var output: String?

    @Option(help: "How a '*' in a configured path matches: glob or autodqm.")
    var wildcards: WildcardMode = .glob

    @Option(help: "Which histograms get plots: all, displayed or none.")
    var plots: ComparisonRequest.Plots = .all

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @OptionGroup var source: SourceOptions

    func validate() throws {
        if referenceRuns == nil { throw ValidationError("reference runs are numbers joined by '_', not '\(refRuns)'") }
    }

    private var referenceRuns: [Int]? {
        let runs = refRuns.split(separator: "_", omittingEmptySubsequences: false).map { Int($0) }
        return runs.contains(nil) || runs.isEmpty ? nil : runs.compactMap { $0 }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        // The configuration is checked before anything is downloaded.
        let subsystem = try SubsystemLoading.load(config: config ?? environment["ADQM_CONFIG"] ?? "configs", subsystem: self.subsystem)
        let store = try source.openStore()
        let catalog = try source.catalog(store: store)
        func fetch(_ series: String, _ sample: String, _ run: Int) async throws -> RunLease {
            if !quiet { standardError("getting run \(run) (\(series)/\(sample))") }
            let file = try await catalog.runFile(series: series, sample: sample, run: run)
            return try await store.fetch(file, from: catalog.source)
        }
        let data = try await fetch(dataSeries, dataSample, dataRun)
        var references: [RunLease] = []
        for run in referenceRuns ?? [] { references.append(try await fetch(refSeries ?? dataSeries, refSample ?? dataSample, run)) }
        defer { ([data] + references).forEach { $0.release() } }

        let request = ComparisonRequest(
            data: data.run.url, references: references.map(\.run.url),
            scope: .subsystem(subsystem, wildcards: wildcards),
            outputDirectory: URL(fileURLWithPath: output ?? environment["ADQM_OUT"] ?? "out"), plots: plots)
        try await ReportRun(request: request, quiet: quiet).run()
    }
}
