public import Histogram

/// Everything one plot needs: the histograms, the comparator's pulls and the
/// words around them. Plain values, so the engine can build them from anything.
public struct PlotSpec: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Data markers with error bars over the reference as a filled histogram, pulls below.
        case overlay1D
        /// A heat map of signed pulls (or, without pulls, of the data itself).
        case pullMap2D
        /// Profile means with their errors, data over reference band.
        case profile
        /// A TH3 as its three projections, plus where along z the largest pulls sit.
        case projections3D
    }

    public var kind: Kind
    public var data: Histogram
    /// Already probability-weighted and scaled to the data by the comparator.
    public var reference: Histogram?
    /// Signed pull per global bin of `data`; NaN means no pull (an empty bin).
    public var pulls: [Double]?
    public var title: String
    public var dataRun: String
    public var referenceRuns: [String]
    /// Axis titles; `nil` takes the histogram's own.
    public var xTitle: String?
    public var yTitle: String?
    /// Bin labels by in-range bin number, replacing the histogram's own (AutoDQM's `xlabels`/`ylabels`).
    public var xLabels: [String]?
    public var yLabels: [String]?
    public var logX: Bool
    public var logY: Bool
    /// Pulls are drawn clamped to ±pullCap.
    public var pullCap: Double
    /// Markers and cells with |pull| at least this large are drawn as outliers.
    public var outlierPull: Double
    public var flagged: Bool
    /// Bin rectangles to outline, e.g. dead or hot regions a comparator found.
    public var highlights: [BinRegion]
    /// 1D only: the in-range x bins to draw (1-based); `nil` draws them all.
    public var xBins: ClosedRange<Int>?
    /// Cells (2D) or bins (1D) that get a hover tooltip; beyond it only outliers get one.
    public var tooltipLimit: Int
    public var width: Int
    public var height: Int

    public init(
        kind: Kind, data: Histogram, reference: Histogram? = nil, pulls: [Double]? = nil,
        title: String, dataRun: String = "", referenceRuns: [String] = [],
        xTitle: String? = nil, yTitle: String? = nil, xLabels: [String]? = nil, yLabels: [String]? = nil,
        logX: Bool = false, logY: Bool = false, pullCap: Double = 4, outlierPull: Double = 3,
        flagged: Bool = false, highlights: [BinRegion] = [], xBins: ClosedRange<Int>? = nil, tooltipLimit: Int = 2500,
        width: Int = 640, height: Int = 480
    ) {
        self.kind = kind
        self.data = data
        self.reference = reference
        self.pulls = pulls
        self.title = title
        self.dataRun = dataRun
        self.referenceRuns = referenceRuns
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.xLabels = xLabels
        self.yLabels = yLabels
        self.logX = logX
        self.logY = logY
        self.pullCap = pullCap
        self.outlierPull = outlierPull
        self.flagged = flagged
        self.highlights = highlights
        self.xBins = xBins
        self.tooltipLimit = tooltipLimit
        self.width = width
        self.height = height
    }

    /// The natural kind for a histogram: profiles, 1D, 2D (maps) and 3D.
    public static func defaultKind(for histogram: Histogram) -> Kind {
        switch histogram.dimension {
        case 1: histogram.isProfile ? .profile : .overlay1D
        case 2: .pullMap2D
        default: .projections3D
        }
    }
}

/// An inclusive rectangle of in-range bins (1-based, as ROOT numbers them); for 1D the y range is ignored.
public struct BinRegion: Sendable, Equatable, Hashable {
    public var xBins: ClosedRange<Int>
    public var yBins: ClosedRange<Int>
    public var label: String

    public init(xBins: ClosedRange<Int>, yBins: ClosedRange<Int> = 1...1, label: String = "") {
        self.xBins = xBins
        self.yBins = yBins
        self.label = label
    }
}
