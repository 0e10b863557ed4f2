public import Foundation

/// What the global page needs of one compared sample, stored in `matrix.json` so the page
/// can be re-rendered without opening every pair's results.
public struct MatrixSample: Sendable, Codable, Equatable {
    public struct Directory: Sendable, Codable, Equatable {
        public var name: String
        public var path: String
        public var totals: Tally
    }

    public var name: String
    public var testFile: String
    public var referenceFile: String
    public var totals: Tally
    /// The first-level directories (subsystems).
    public var directories: [Directory]
    /// The root directory's path, to name pages inside the sample's report.
    public var rootPath: String
    /// Why this pair has no report, when it failed.
    public var error: String?
    public var problems: [String]

    public init(name: String, result: RelMonResult) {
        self.name = name
        testFile = result.testFile.name
        referenceFile = result.referenceFile.name
        totals = result.root.totals
        directories = result.root.subdirectories.map { Directory(name: $0.name, path: $0.path, totals: $0.totals) }
        rootPath = result.root.path
        // A pair where nothing could be compared (unreadable file, nothing in common,
        // everything blacklisted) failed as a sample, whatever the cause.
        error = result.root.totals.weight == 0 ? (result.problems.first ?? "nothing was compared") : nil
        problems = error == nil ? result.problems : Array(result.problems.dropFirst())
    }

    public init(name: String, pair: MatrixPair, error: String) {
        self.name = name
        testFile = pair.test.lastPathComponent
        referenceFile = pair.reference.lastPathComponent
        totals = Tally()
        directories = []
        rootPath = ""
        self.error = error
        problems = []
    }
}

/// The global summary of a matrix run (ValidationMatrix's `RelMonSummary.html` input).
public struct MatrixSummary: Sendable, Codable, Equatable {
    public static let file = "matrix.json"

    public var format = RelMonResult.currentFormat
    public var title: String
    public var test: RelMonTest
    public var threshold: Double
    public var samples: [MatrixSample]
    /// Files left without a partner, or not named by the DQM convention.
    public var unmatched: [String]

    public init(title: String, test: RelMonTest, threshold: Double, samples: [MatrixSample], unmatched: [String]) {
        self.title = title
        self.test = test
        self.threshold = threshold
        self.samples = samples
        self.unmatched = unmatched
    }

    public var totals: Tally {
        samples.reduce(into: Tally()) { $0.add($1.totals) }
    }

    /// RelMon's automatic per-subsystem categories: each first-level directory name, with
    /// its success rate averaged over samples *unweighted* (RelMon's `get_aggr_pairs_info`),
    /// and the weighted rate beside it.
    public var categories: [(name: String, averageSuccess: Double, weightedSuccess: Double, totals: Tally)] {
        var byName: [String: [Tally]] = [:]
        for sample in samples { for directory in sample.directories { byName[directory.name, default: []].append(directory.totals) } }
        return byName.keys.sorted().compactMap { name in
            let tallies = (byName[name] ?? []).filter { $0.weight > 0 }
            guard !tallies.isEmpty else { return nil }
            let total = tallies.reduce(into: Tally()) { $0.add($1) }
            let average = tallies.map { Double($0.successes) / Double($0.weight) }.reduce(0, +) / Double(tallies.count)
            return (name, average, Double(total.successes) / Double(total.weight), total)
        }
    }

    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(self).write(to: url)
    }

    public static func read(from url: URL) throws -> MatrixSummary {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RelMonError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        do { return try JSONDecoder().decode(MatrixSummary.self, from: data) } catch {
            throw RelMonError.malformedResults(file: url.path, reason: "\(error)")
        }
    }
}
