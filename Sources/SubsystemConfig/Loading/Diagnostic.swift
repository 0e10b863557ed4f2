/// One problem found in a config file, printed like a compiler message:
/// `configs/CSC.json:12:7: error: unknown key "norm_typ" (did you mean "norm_type"?)`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The config cannot be used.
        case error
        /// The config loads, but something is probably not what its author meant.
        case warning
    }

    public var severity: Severity
    public var file: String
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity, file: String, at location: SourceLocation?, _ message: String) {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        let place = location.map { "\(file):\($0)" } ?? file
        return "\(place): \(severity.rawValue): \(message)"
    }
}

/// A config that cannot be used; carries every problem found, not just the first.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        let count = errors.count
        let header = "invalid configuration (\(count) error\(count == 1 ? "" : "s")):"
        return ([header] + diagnostics.map(\.description)).joined(separator: "\n")
    }
}

/// Collects diagnostics while one file is decoded.
struct DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    mutating func error(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.error, file: file, at: location, message))
    }

    mutating func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.warning, file: file, at: location, message))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
