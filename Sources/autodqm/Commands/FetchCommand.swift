import ArgumentParser
import DQMClient
import Foundation
import RunStore

/// `autodqm fetch`: download one run's file into the store and print its path.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download a run's DQM file into the local store and print the stored file's path.")

    @Option(help: "Series (era), e.g. Run2018.")
    var series: String

    @Option(help: "Sample (primary dataset), e.g. ZeroBias.")
    var sample: String

    @Option(help: "Run number.")
    var run: Int

    @OptionGroup var source: SourceOptions

    func run() async throws {
        let store = try source.openStore()
        let catalog = try source.catalog(store: store)
        let file = try await catalog.runFile(series: series, sample: sample, run: run)
        let lease = try await store.fetch(file, from: catalog.source, progress: Self.progressReporter(total: file.size))
        defer { lease.release() }
        print(lease.run.url.path)
    }

    /// Progress on stderr, only when it is a terminal (stdout stays the path alone).
    static func progressReporter(total: Int64?) -> (@Sendable (Int64) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let megabyte = Double(1 << 20)
        return { bytes in
            let totalText = total.map { String(format: " / %.1f", Double($0) / megabyte) } ?? ""
            let line = "\r" + String(format: "%.1f", Double(bytes) / megabyte) + totalText + " MB"
            FileHandle.standardError.write(Data(line.utf8))
            if bytes == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }
}
