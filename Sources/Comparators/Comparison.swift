public import Histogram

/// The result of one comparator on one histogram: plain values, `Codable`, so the
/// engine can store them and a renderer can draw them later.
public struct Comparison: Sendable, Equatable, Codable {
    public var comparator: String
    public var status: Status
    /// Named numbers, e.g. `pValue`, `chi2`, `maxPull` (see each comparator).
    public var scores: [String: Double]
    /// AutoDQM's display decision (its `show`); usually equal to `flagged`.
    public var show: Bool
    /// A short human-readable summary.
    public var info: String
    public var drawables: [Drawable]
    /// The x bins (1-based, in range) worth drawing, when a comparator narrows a 1D
    /// plot (AutoDQM's `xmin`/`xmax` window and trimming of empty edges); `nil`: all.
    public var displayedBins: ClosedRange<Int>?

    public init(
        comparator: String, status: Status, scores: [String: Double] = [:], show: Bool? = nil,
        info: String = "", drawables: [Drawable] = [], displayedBins: ClosedRange<Int>? = nil
    ) {
        self.comparator = comparator
        self.status = status
        self.scores = scores
        self.show = show ?? (status == .flagged)
        self.info = info
        self.drawables = drawables
        self.displayedBins = displayedBins
    }

    /// A comparator that could not judge, with the reason.
    public static func notApplicable(_ comparator: String, _ reason: NotApplicableReason, info: String = "") -> Comparison {
        Comparison(comparator: comparator, status: .notApplicable(reason), info: info.isEmpty ? reason.description : info)
    }

    public var flagged: Bool { status == .flagged }
}

public enum Status: Sendable, Hashable, Codable {
    case ok
    case flagged
    case notApplicable(NotApplicableReason)
}

/// Why a comparator returned no judgement, rather than a wrong number.
public enum NotApplicableReason: String, Sendable, Equatable, Codable, CustomStringConvertible {
    case emptyData
    case emptyReference
    case missingReference
    case missingData
    case incompatibleBinning
    case unsupportedDimension
    case unsupportedType
    case notFinite

    public var description: String {
        switch self {
        case .emptyData: "the data histogram is empty"
        case .emptyReference: "every reference histogram is empty"
        case .missingReference: "no reference histogram"
        case .missingData: "no data histogram"
        case .incompatibleBinning: "data and reference binnings differ"
        case .unsupportedDimension: "this comparator does not support this dimension"
        case .unsupportedType: "this comparator does not support this histogram type"
        case .notFinite: "a bin holds a value that is not finite"
        }
    }
}

/// Something a renderer should draw for this comparison, e.g. the signed pull
/// map or the probability-weighted reference.
public struct Drawable: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable {
        case pulls, reference, data, blockPulls
    }

    public var role: Role
    public var histogram: Histogram

    public init(role: Role, histogram: Histogram) {
        self.role = role
        self.histogram = histogram
    }
}
