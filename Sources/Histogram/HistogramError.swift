/// Why a set of values does not make a valid histogram.
///
/// The model is built from untrusted files, so every inconsistency is reported
/// rather than trapped on.
public enum HistogramError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidBinCount(axis: Int, count: Int)
    case invalidRange(axis: Int, lower: Double, upper: Double)
    case invalidEdges(axis: Int, reason: String)
    case invalidDimension(Int)
    case cellCountMismatch(what: String, expected: Int, actual: Int)

    public var description: String {
        switch self {
        case let .invalidBinCount(axis, count):
            "axis \(axis) has \(count) bins; at least one is needed"
        case let .invalidRange(axis, lower, upper):
            "axis \(axis) range [\(lower), \(upper)] is empty or not finite"
        case let .invalidEdges(axis, reason):
            "axis \(axis) edges are invalid: \(reason)"
        case let .invalidDimension(dimension):
            "a histogram has 1 to 3 axes, not \(dimension)"
        case let .cellCountMismatch(what, expected, actual):
            "\(what) has \(actual) cells; the axes need \(expected)"
        }
    }
}
