/// Everything one comparison found: the files compared, one result per
/// histogram (outliers first) and the configured paths that matched nothing.
///
/// Plain data, so the web service can store and serve it as `results.json`.
public struct Report: Sendable, Equatable, Codable {
    public var data: RunInfo
    public var refs: [RunInfo]
    /// The subsystem configuration used, `nil` when every histogram was compared.
    public var subsystem: String?
    public var results: [HistogramResult]
    public var unmatched: [Unmatched]

    public init(
        data: RunInfo, refs: [RunInfo], subsystem: String? = nil,
        results: [HistogramResult], unmatched: [Unmatched] = []
    ) {
        self.data = data
        self.refs = refs
        self.subsystem = subsystem
        self.results = results
        self.unmatched = unmatched
    }

    /// How many results have each status.
    public var statusCounts: [HistogramResult.Status: Int] {
        results.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }
}

/// One input file and the run it holds.
public struct RunInfo: Sendable, Equatable, Codable {
    public var file: String
    /// From the file's `DQMData/Run <run>` directory, or its name; `nil` if neither tells.
    public var run: Int?

    public init(file: String, run: Int?) {
        self.file = file
        self.run = run
    }

    /// How the report names the run: its number, or the file name.
    public var label: String {
        run.map(String.init) ?? file.split(separator: "/").last.map(String.init) ?? file
    }
}

extension Report {
    /// A configured histogram path that matched nothing in some file: AutoDQM
    /// skipped these silently; we say so.
    public struct Unmatched: Sendable, Equatable, Codable {
        /// The configured path, relative to `DQMData/Run <run>/`.
        public var path: String
        public var missingInData: Bool
        /// Labels (`RunInfo.label`) of the references where it matched nothing.
        public var missingInReferences: [String]

        public init(path: String, missingInData: Bool, missingInReferences: [String]) {
            self.path = path
            self.missingInData = missingInData
            self.missingInReferences = missingInReferences
        }

        enum CodingKeys: String, CodingKey {
            case path
            case missingInData = "missing_in_data"
            case missingInReferences = "missing_in_references"
        }
    }
}
