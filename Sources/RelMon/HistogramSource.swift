public import Histogram

/// What a directory listing tells about one key, without reading the object.
public enum SourceEntryKind: Sendable, Equatable {
    case directory
    /// Any other object, with its ROOT class name.
    case object(className: String)
}

public struct SourceEntry: Sendable, Equatable {
    public var name: String
    public var kind: SourceEntryKind

    public init(name: String, kind: SourceEntryKind) {
        self.name = name
        self.kind = kind
    }

    /// RelMon compares only keys whose class starts with `TH` or `TPr` (histograms and
    /// profiles); TEfficiency, TGraph and DQM scalar strings are left out.
    public var histogramClass: String? {
        guard case .object(let className) = kind, className.hasPrefix("TH") || className.hasPrefix("TPr") else {
            return nil
        }
        return className
    }
}

/// A tree of directories and histograms RelMon can walk: a ROOT file, or a golden dump.
/// Paths are lists of key names, because DQM key names may contain `/`.
/// Implementations must allow concurrent `histogram(at:)` calls.
public protocol HistogramSource: Sendable {
    /// The file this came from, for messages and reports.
    var name: String { get }
    /// The keys of one directory in file order (`[]` is the top).
    func entries(in directory: [String]) throws -> [SourceEntry]
    func histogram(at path: [String]) throws -> Histogram
}

/// Errors of a whole-file comparison that stop it.
public enum RelMonError: Error, Equatable, CustomStringConvertible {
    case directoryMissing(file: String, path: String)
    case nothingInCommon(test: String, reference: String)
    case everythingBlacklisted
    case unreadable(file: String, reason: String)
    case malformedBlacklist(entry: String, reason: String)
    case malformedResults(file: String, reason: String)

    public var description: String {
        switch self {
        case .directoryMissing(let file, let path): "\(file): no directory '\(path)'"
        case .nothingInCommon(let test, let reference):
            "\(test) and \(reference) have no histogram in common: nothing was compared"
        case .everythingBlacklisted: "the blacklists remove every histogram: nothing was compared"
        case .unreadable(let file, let reason): "\(file): cannot be read: \(reason)"
        case .malformedBlacklist(let entry, let reason): "blacklist entry '\(entry)': \(reason)"
        case .malformedResults(let file, let reason): "\(file): not a RelMon result: \(reason)"
        }
    }
}
