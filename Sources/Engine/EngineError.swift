/// Why a comparison could not start or finish. Problems with single
/// histograms are not errors: they become results with a status and a note.
public enum EngineError: Error, Sendable, CustomStringConvertible {
    case noReferences
    case cannotOpen(file: String, reason: String)
    case cannotWritePlot(file: String, reason: String)
    case unknownComparator(String, subsystem: String, entry: String)

    public var description: String {
        switch self {
        case .noReferences: "at least one reference file is needed"
        case let .cannotOpen(file, reason): "cannot open \(file): \(reason)"
        case let .cannotWritePlot(file, reason): "cannot write plot \(file): \(reason)"
        case let .unknownComparator(name, subsystem, entry):
            "subsystem \(subsystem), entry \(entry): no comparator named \(name)"
        }
    }
}
