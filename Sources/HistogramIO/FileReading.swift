public import struct Foundation.URL
public import Histogram
public import ROOTIO

/// What a walk over a file yields, in keys-list order.
public enum FileEntry: Sendable {
    case histogram(path: String, cycle: Int, Histogram)
    case string(path: String, cycle: Int, String)
    /// A directory, or an object of a class the reader does not model (listed, not read).
    case other(path: String, cycle: Int, className: String)
}

extension ROOTFile {
    /// Opens the file at `url`'s path.
    public convenience init(url: URL) throws(ROOTIOError) { try self.init(path: url.path) }

    /// The histogram at `path` (highest cycle unless the path ends in ";N").
    public func histogram(at path: String) throws(ROOTIOError) -> Histogram {
        try histogram(from: histogramRecord(at: path), path: path)
    }

    /// Reads the object of one listed key into a model value.
    public func entry(_ listed: ListedKey) throws(ROOTIOError) -> FileEntry {
        switch try object(of: listed.key, keyPath: listed.path) {
        case let .histogram(record):
            return .histogram(path: listed.path, cycle: listed.key.cycle, try histogram(from: record, path: listed.path))
        case let .string(text):
            return .string(path: listed.path, cycle: listed.key.cycle, text)
        case let .other(className):
            return .other(path: listed.path, cycle: listed.key.cycle, className: className)
        }
    }

    /// Every key of the file, read into model values one at a time.
    public func walk(_ body: (FileEntry) throws -> Void) throws {
        for listed in try listAllKeys() { try body(try entry(listed)) }
    }

    /// The DQM scalars, efficiency flags and quality-test results of the file, from key
    /// names alone (the TObjString's text is its key name), with their directory paths.
    public func dqmScalars() throws(ROOTIOError) -> [(directory: String, scalar: DQMScalar)] {
        try listAllKeys().compactMap { listed in
            guard listed.key.className == "TObjString", let scalar = DQMScalar(parsing: listed.key.name) else { return nil }
            return (String(listed.path.dropLast(listed.key.name.count + 1)), scalar)
        }
    }

    private func histogram(from record: HistogramRecord, path: String) throws(ROOTIOError) -> Histogram {
        do {
            return try Histogram(record)
        } catch {
            throw ROOTIOError(.invalid("histogram: \(error)"), file: self.path, keyPath: path)
        }
    }
}
