import ArgumentParser
import DQMClient
import Foundation

/// `autodqm runs`: list the runs of a sample, one a line.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the runs of a sample (or the series, or a series' samples), one a line.")

    @Option(help: "Series (era), e.g. Run2018; omit to list the series.")
    var series: String?

    @Option(help: "Sample (primary dataset), e.g. ZeroBias; omit to list the series' samples.")
    var sample: String?

    @Flag(help: "Print each run's file path and size too.")
    var long = false

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let store = source.local == nil ? try source.openStore() : nil
        let catalog = try source.catalog(store: store)
        guard let series else {
            try await catalog.series().forEach { print($0) }
            return
        }
        guard let sample else {
            try await catalog.samples(series: series).forEach { print($0) }
            return
        }
        let files = try await catalog.runs(series: series, sample: sample)
        if long {
            for file in files { print("\(file.run)\t\(file.size.map(String.init) ?? "-")\t\(file.path)") }
        } else {
            var seen = Set<Int>()
            for file in files where seen.insert(file.run).inserted { print(file.run) }
        }
    }
}
