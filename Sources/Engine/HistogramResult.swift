/// The engine's verdict on one histogram: every comparator's outcome, the
/// overall status, whether the gallery shows it by default, and its plots.
public struct HistogramResult: Sendable, Equatable, Codable {
    /// Relative to `DQMData/Run <run>/`, so runs with different numbers pair up;
    /// the full path in files without that layout.
    public var path: String
    /// The ROOT class, e.g. `TH2F` (the reference's when the data lacks it).
    public var className: String
    public var status: Status
    /// Whether any comparator flagged the histogram.
    public var flagged: Bool
    /// Whether a shifter sees it without asking for everything: flagged,
    /// configured `always_show`, or missing/empty; never when selective display hides it.
    public var display: Bool
    /// Keyed by comparator name.
    public var comparators: [String: ComparatorOutcome]
    /// SVG files, relative to the report's directory.
    public var plots: [String]
    public var entries: Entries
    /// Facts worth a line in the report, e.g. a reference that lacks the histogram.
    public var notes: [String]
    /// The configured path pattern the histogram matched (subsystem mode only).
    public var configPath: String?

    public init(
        path: String, className: String, status: Status, flagged: Bool, display: Bool,
        comparators: [String: ComparatorOutcome] = [:], plots: [String] = [], entries: Entries,
        notes: [String] = [], configPath: String? = nil
    ) {
        self.path = path
        self.className = className
        self.status = status
        self.flagged = flagged
        self.display = display
        self.comparators = comparators
        self.plots = plots
        self.entries = entries
        self.notes = notes
        self.configPath = configPath
    }

    enum CodingKeys: String, CodingKey {
        case path, className = "class", status, flagged, display, comparators, plots, entries, notes
        case configPath = "config_path"
    }
}

/// Entry counts (ROOT's `GetEntries`) of the data and of each reference, `nil` where absent.
public struct Entries: Sendable, Equatable, Codable {
    public var data: Double?
    public var refs: [Double?]

    public init(data: Double?, refs: [Double?]) {
        self.data = data
        self.refs = refs
    }
}
