public import Foundation

/// The top folders of the DQM GUI's `ROOT` repository that hold runs.
public enum DataRoot: String, Sendable, CaseIterable {
    /// `OfflineData/<series>/<sample>/<000NNNNxx>/<file>`
    case offline = "OfflineData"
    /// `RelValData/<CMSSW_A_B_x>/<file>`: series is the release folder, sample the primary dataset.
    case relvalData = "RelValData"
    /// `RelVal/<CMSSW_A_B_x>/<file>`: RelVal Monte Carlo, laid out as `relvalData`.
    case relvalMC = "RelVal"
    /// `OnlineData/original/<000NNxxxx>/<000NNNNxx>/<file>`: series is the 10,000-run
    /// folder, sample the subsystem (`DQM_V0001_<Subsystem>_R…`).
    case online = "OnlineData/original"
}

/// One run file as listed: where it is and what its name says.
public struct RunFile: Sendable, Equatable {
    /// Relative to the repository root, e.g. `OfflineData/Run2018/ZeroBias/0003157xx/DQM_…root`.
    public let path: String
    public let name: DQMFileName
    public let size: Int64?
    public let modified: Date?

    public var run: Int { name.run }
}

/// Browses a `RunSource` by series, sample and run.
public struct RunCatalog: Sendable {
    public let source: any RunSource
    public let root: DataRoot

    public init(source: any RunSource, root: DataRoot = .offline) {
        self.source = source
        self.root = root
    }

    /// Series (eras such as `Run2018`, releases, or online run folders), sorted.
    public func series() async throws -> [String] {
        let entries = try await source.list(root.rawValue)
        return entries.filter(\.isDirectory).map(\.name).sorted()
    }

    /// Samples of a series (primary datasets, or online subsystems), sorted.
    public func samples(series: String) async throws -> [String] {
        switch root {
        case .offline:
            let entries = try await source.list(try Self.path([root.rawValue, series]))
            return entries.filter(\.isDirectory).map(\.name).sorted()
        case .relvalData, .relvalMC:
            return Set(try await files(series: series).compactMap(\.name.primaryDataset)).sorted()
        case .online:
            return Set(try await files(series: series).compactMap(\.name.subsystem)).sorted()
        }
    }

    /// The newest version of every run file of a sample, by run then name;
    /// `only` restricts the listing to the blocks of those runs.
    public func runs(series: String, sample: String, only: Set<Int>? = nil) async throws -> [RunFile] {
        let files: [RunFile]
        switch root {
        case .offline: files = try await offlineFiles(series: series, sample: sample, only: only)
        case .relvalData, .relvalMC: files = try await self.files(series: series).filter { $0.name.primaryDataset == sample }
        case .online: files = try await self.files(series: series).filter { $0.name.subsystem == sample }
        }
        let selected = only.map { runs in files.filter { runs.contains($0.run) } } ?? files
        return Self.newestVersions(selected)
    }

    /// The file to use for one run: a PromptReco dataset if there is one
    /// (as AutoDQM chooses), else the first by name.
    public func runFile(series: String, sample: String, run: Int) async throws -> RunFile {
        let candidates = try await runs(series: series, sample: sample, only: [run])
        let preferred = candidates.first { $0.name.dataset?.contains("PromptReco") == true } ?? candidates.first
        guard let preferred else {
            throw DQMClientError.runNotFound(run: run, location: "\(source.identifier) \(root.rawValue)/\(series)/\(sample)")
        }
        return preferred
    }

    /// Keeps, per file identity (name without version), the highest `V%04d`.
    static func newestVersions(_ files: [RunFile]) -> [RunFile] {
        var newest: [String: RunFile] = [:]
        for file in files {
            let key = file.name.versionlessName
            if let current = newest[key], current.name.version >= file.name.version { continue }
            newest[key] = file
        }
        return newest.values.sorted { ($0.run, $0.name.fileName) < ($1.run, $1.name.fileName) }
    }

    private func offlineFiles(series: String, sample: String, only: Set<Int>?) async throws -> [RunFile] {
        let samplePath = try Self.path([root.rawValue, series, sample])
        let blocks: [String]
        if let only {
            blocks = Set(only.map(DQMFileName.blockDirectory)).sorted()
        } else {
            blocks = try await source.list(samplePath).filter { $0.isDirectory && $0.name.hasSuffix("xx") }.map(\.name)
        }
        return try await listFiles(in: blocks.map { "\(samplePath)/\($0)" }, tolerateMissing: only != nil)
    }

    /// Files of a RelVal release folder, or of every block of an online series.
    private func files(series: String) async throws -> [RunFile] {
        let seriesPath = try Self.path([root.rawValue, series])
        guard root == .online else { return try await listFiles(in: [seriesPath], tolerateMissing: false) }
        let blocks = try await source.list(seriesPath).filter(\.isDirectory).map { "\(seriesPath)/\($0.name)" }
        return try await listFiles(in: blocks, tolerateMissing: false)
    }

    /// Lists folders concurrently (the HTTP client bounds the parallelism)
    /// and keeps the DQM files. A block folder asked for by run number may
    /// not exist: a 404 there just means no such run.
    private func listFiles(in folders: [String], tolerateMissing: Bool) async throws -> [RunFile] {
        try await withThrowingTaskGroup(of: [RunFile].self) { group in
            for folder in folders {
                group.addTask {
                    do {
                        return try await source.list(folder).compactMap { entry in
                            guard !entry.isDirectory, let name = DQMFileName(entry.name) else { return nil }
                            return RunFile(path: "\(folder)/\(entry.name)", name: name, size: entry.size, modified: entry.modified)
                        }
                    } catch DQMClientError.http(status: 404, _) where tolerateMissing {
                        return []
                    } catch DQMClientError.local where tolerateMissing {
                        return []
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    private static func path(_ components: [String]) throws -> String {
        for component in components.dropFirst() where !ListingEntry.isAllowedName(component) {
            throw DQMClientError.invalidName(component)
        }
        return components.joined(separator: "/")
    }
}
