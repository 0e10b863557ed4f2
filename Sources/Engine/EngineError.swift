import Comparators

/// Why a comparison could not start or finish. Problems with single
/// histograms are not errors: they become results with a status and a note.
public enum EngineError: Error, Sendable, CustomStringConvertible {
    case noReferences
    case cannotOpen(file: String, reason: String)
    case cannotWrite(file: String, reason: String)
    case unknownComparator(String, context: String)

    public var description: String {
        switch self {
        case .noReferences: "at least one reference file is needed"
        case let .cannotOpen(file, reason): "cannot open \(file): \(reason)"
        case let .cannotWrite(file, reason): "cannot write \(file): \(reason)"
        case let .unknownComparator(name, context):
            "\(context): no comparator named \(name); known: \(Comparators.all.map(\.name).joined(separator: ", "))"
        }
    }
}
