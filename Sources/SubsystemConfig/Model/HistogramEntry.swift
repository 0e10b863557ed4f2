/// One entry of a subsystem's `hists` list: which histograms to compare and how.
/// Field names follow Swift; the AutoDQM key each comes from is given beside it.
public struct HistogramEntry: Sendable, Hashable, Codable {
    /// `path`, as written: `dir/sub/name`, relative to the main directory.
    public var path: String
    /// The directory part of `path` without a trailing `/` ("" at the top).
    public var directory: String
    /// The last component of `path`; may be a glob (`*`, `?`, `[...]`).
    public var name: NamePattern
    /// `comparators`: overrides the subsystem's list for this entry.
    public var comparators: [String]?
    /// `always_show` (or the documented alias `always_draw`): display even if not an outlier.
    public var alwaysShow: Bool
    /// `norm_type`: how pull_values normalises data to the reference.
    public var normType: NormType?
    /// `xlabels` / `ylabels`: category labels replacing the axis values on plots.
    public var xLabels: [String]?
    public var yLabels: [String]?
    /// `opts`: comparator option overrides (`pull_cap=5` → `"pull_cap": 5`, `logy` → `"logy": true`).
    public var options: [String: JSONValue]
    /// `xmin` / `xmax`: the bin range a 1D comparison uses.
    public var xMin: Double?
    public var xMax: Double?
    /// `concatenate`: sibling histograms appended bin-wise after this one.
    public var concatenate: [String]
    /// Per-entry cut overrides written as direct keys (`ks_cut`, `min_entries`, `chi2_cut`, `pull_cut`,
    /// `pull_cap`, `tol`, and this project's `p_value_cut`, `region_cut`).
    public var cuts: [String: Double]
    /// `poisson_errors`: pull_values errors, `"garwood"` (exact) or `"autodqm"` (AutoDQM's approximation).
    public var poissonErrors: String?
    /// `jar_dir`: the PCA model folder.
    public var modelDirectory: String?
    /// Keys this project does not interpret, kept so they reach the comparators as in AutoDQM.
    public var extra: [String: JSONValue]
    /// Where the entry was written, for messages.
    public var location: SourceLocation?

    public init(path: String, directory: String, name: NamePattern, comparators: [String]? = nil,
                alwaysShow: Bool = false, normType: NormType? = nil, xLabels: [String]? = nil,
                yLabels: [String]? = nil, options: [String: JSONValue] = [:], xMin: Double? = nil,
                xMax: Double? = nil, concatenate: [String] = [], cuts: [String: Double] = [:], poissonErrors: String? = nil,
                modelDirectory: String? = nil, extra: [String: JSONValue] = [:], location: SourceLocation? = nil) {
        self.path = path
        self.directory = directory
        self.name = name
        self.comparators = comparators
        self.alwaysShow = alwaysShow
        self.normType = normType
        self.xLabels = xLabels
        self.yLabels = yLabels
        self.options = options
        self.xMin = xMin
        self.xMax = xMax
        self.concatenate = concatenate
        self.cuts = cuts
        self.poissonErrors = poissonErrors
        self.modelDirectory = modelDirectory
        self.extra = extra
        self.location = location
    }

    /// The full relative path of a histogram named `name` in this entry's directory.
    public func path(ofHistogram histogramName: String) -> String {
        directory.isEmpty ? histogramName : "\(directory)/\(histogramName)"
    }
}

/// `norm_type` of pull_values: per row, per column, or over the whole histogram.
public enum NormType: String, Sendable, Hashable, Codable, CaseIterable {
    case row
    case col
    /// AutoDQM treats every other value as global normalisation.
    case all
}
