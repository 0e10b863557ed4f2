/// How one file pair is compared (`compare_using_files.py`'s options).
public struct RelMonOptions: Sendable {
    public var test: RelMonTest
    public var threshold: Double
    /// `--dir`: the directory below the run directory to compare (empty: all of it).
    public var topDirectory: [String]
    public var directoryBlacklist: DirectoryBlacklist
    public var histogramBlacklist: HistogramBlacklist
    /// Histograms tested at once; 1 inside a parallel matrix.
    public var parallelism: Int

    public init(
        test: RelMonTest = .chi2, threshold: Double? = nil, topDirectory: [String] = [],
        directoryBlacklist: DirectoryBlacklist = DirectoryBlacklist(),
        histogramBlacklist: HistogramBlacklist = HistogramBlacklist(), parallelism: Int = 1
    ) {
        self.test = test
        self.threshold = threshold ?? test.defaultThreshold
        self.topDirectory = topDirectory
        self.directoryBlacklist = directoryBlacklist
        self.histogramBlacklist = histogramBlacklist
        self.parallelism = max(1, parallelism)
    }
}

/// One compared file as the report describes it.
public struct ComparedFile: Sendable, Codable, Equatable {
    /// The file name (no directories).
    public var name: String
    /// The `Run N` directory entered, if the file has one.
    public var runDirectory: String?

    public init(name: String, runDirectory: String? = nil) {
        self.name = name
        self.runDirectory = runDirectory
    }
}

/// Everything a pair report shows, stored as JSON beside it so pages can be re-rendered
/// without comparing again (RelMon pickled its tree instead).
public struct RelMonResult: Sendable, Codable, Equatable {
    public static let currentFormat = 1

    public var format = RelMonResult.currentFormat
    public var test: RelMonTest
    public var threshold: Double
    public var testFile: ComparedFile
    public var referenceFile: ComparedFile
    public var topDirectory: String
    public var directoryBlacklist: [String]
    public var histogramBlacklistSize: Int
    /// Whether successful comparisons are listed and drawn (`--no-successes` turns it off).
    public var showSuccesses: Bool
    public var root: RelMonDirectory
    /// What went wrong without stopping the comparison, for the report and stderr.
    public var problems: [String]

    public init(
        test: RelMonTest, threshold: Double, testFile: ComparedFile, referenceFile: ComparedFile,
        topDirectory: String = "", directoryBlacklist: [String] = [], histogramBlacklistSize: Int = 0,
        showSuccesses: Bool = true, root: RelMonDirectory, problems: [String] = []
    ) {
        self.test = test
        self.threshold = threshold
        self.testFile = testFile
        self.referenceFile = referenceFile
        self.topDirectory = topDirectory
        self.directoryBlacklist = directoryBlacklist
        self.histogramBlacklistSize = histogramBlacklistSize
        self.showSuccesses = showSuccesses
        self.root = root
        self.problems = problems
    }
}
