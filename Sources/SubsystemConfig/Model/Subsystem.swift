public import Comparators
internal import Foundation

/// One subsystem's configuration: one AutoDQM `<Subsystem>.json` file.
public struct Subsystem: Sendable, Hashable, Codable {
    /// The subsystem name: the file name without `.json` (or the key in a legacy `configs.json`).
    public var name: String
    /// The file it was read from, relative to the config directory.
    public var file: String
    /// `main_gdir`: the directory inside the ROOT file, `{0}` standing for the run number.
    public var mainDirectoryTemplate: String
    /// `comparators`: the default list for entries without their own.
    public var comparators: [String]?
    /// `sel_display`: when present, beta_binomial skips plots far below its thresholds.
    public var selectiveDisplay: [String]?
    /// `thresholds_fit`: beta_binomial cuts as a function of the number of references.
    public var thresholdsFit: [ThresholdFit]
    /// `run_reg`: the Run Registry folder for reference suggestions.
    public var runRegistry: String?
    /// `description`: free text for people.
    public var description: String?
    /// `hists`, in file order.
    public var entries: [HistogramEntry]

    public init(name: String, file: String, mainDirectoryTemplate: String, comparators: [String]? = nil,
                selectiveDisplay: [String]? = nil, thresholdsFit: [ThresholdFit] = [], runRegistry: String? = nil,
                description: String? = nil, entries: [HistogramEntry]) {
        self.name = name
        self.file = file
        self.mainDirectoryTemplate = mainDirectoryTemplate
        self.comparators = comparators
        self.selectiveDisplay = selectiveDisplay
        self.thresholdsFit = thresholdsFit
        self.runRegistry = runRegistry
        self.description = description
        self.entries = entries
    }

    /// The main directory of one run, with a trailing `/` (AutoDQM's `main_gdir.format(run)`).
    public func mainDirectory(run: Int) -> String {
        let directory = mainDirectoryTemplate.replacingOccurrences(of: "{0}", with: String(run))
        return directory.hasSuffix("/") ? directory : directory + "/"
    }

    /// The comparators named for an entry: its own list, else the subsystem's; nil when
    /// neither names any, and the engine picks its default set by histogram kind.
    public func comparators(for entry: HistogramEntry) -> [String]? {
        entry.comparators ?? comparators
    }

    public var usesSelectiveDisplay: Bool { selectiveDisplay != nil }
}
