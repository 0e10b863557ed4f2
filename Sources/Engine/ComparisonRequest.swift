public import Foundation
public import SubsystemConfig

/// What to compare: one data file against one or more references, either the
/// histograms a subsystem configuration names or every histogram of the files.
public struct ComparisonRequest: Sendable {
    public enum Scope: Sendable {
        /// The histograms a subsystem configuration names, with its comparators and options.
        case subsystem(Subsystem, wildcards: WildcardMode = .glob)
        /// Every histogram found in the data or a reference, with these comparators
        /// (by name) or, by default, the default set for each histogram's kind.
        case everything(comparators: [String]? = nil)
    }

    /// Which comparisons get an SVG plot.
    public enum Plots: String, Sendable, CaseIterable {
        /// Every comparison that produced a verdict (AutoDQM's behaviour).
        case all
        /// Only histograms shown by default: flagged, `always_show`, missing or empty.
        case displayed
        case none
    }

    public var data: URL
    public var references: [URL]
    public var scope: Scope
    /// Where plots are written (under `plots/`); `nil` renders none.
    public var outputDirectory: URL?
    public var plots: Plots
    /// How many histograms are compared at once; defaults to the number of cores.
    public var concurrency: Int

    public init(
        data: URL, references: [URL], scope: Scope, outputDirectory: URL? = nil,
        plots: Plots = .displayed, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.data = data
        self.references = references
        self.scope = scope
        self.outputDirectory = outputDirectory
        self.plots = plots
        self.concurrency = concurrency
    }
}

/// How far a comparison has got, reported after each histogram.
public struct ComparisonProgress: Sendable, Equatable {
    public var completed: Int
    public var total: Int
}
