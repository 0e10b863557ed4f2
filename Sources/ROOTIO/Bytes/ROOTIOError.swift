/// Why a ROOT file could not be read, with breadcrumbs: the file, the key path
/// inside it and the byte offset where reading failed.
///
/// Every failure on untrusted input surfaces as one of these; the reader never traps.
public struct ROOTIOError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case io(String)
        case notROOT
        /// A read ran past the end of the bytes available to it.
        case truncated(needed: Int, available: Int)
        /// A field holds a value the format does not allow.
        case invalid(String)
        case unknownCompression(String)
        case decompressionFailed(String)
        case checksumMismatch
        case unsupportedVersion(className: String, version: Int)
        case byteCountMismatch(className: String, expected: Int, actual: Int)
        case cyclicDirectory
        case tooDeep
        case notFound(String)
        case notAHistogram(className: String)
    }

    public var reason: Reason
    public var file: String
    public var keyPath: String
    /// Byte offset: from the file start for records, from the object start inside object buffers.
    public var offset: Int?

    public init(_ reason: Reason, file: String = "", keyPath: String = "", offset: Int? = nil) {
        self.reason = reason
        self.file = file
        self.keyPath = keyPath
        self.offset = offset
    }

    /// Adds the file and key path to an error thrown by a lower layer, keeping what it already knew.
    func located(file: String, keyPath: String) -> ROOTIOError {
        var copy = self
        if copy.file.isEmpty { copy.file = file }
        if copy.keyPath.isEmpty { copy.keyPath = keyPath }
        return copy
    }

    public var description: String {
        var parts = [file.isEmpty ? "ROOT file" : file]
        if !keyPath.isEmpty { parts.append("key '\(keyPath)'") }
        if let offset { parts.append("offset \(offset)") }
        return parts.joined(separator: ", ") + ": " + reason.description
    }
}

extension ROOTIOError.Reason: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .io(message): "cannot read: \(message)"
        case .notROOT: "not a ROOT file (no 'root' magic)"
        case let .truncated(needed, available): "truncated: needs \(needed) bytes, \(available) available"
        case let .invalid(what): "invalid \(what)"
        case let .unknownCompression(tag): "unknown compression block '\(tag)'"
        case let .decompressionFailed(what): "decompression failed: \(what)"
        case .checksumMismatch: "LZ4 block checksum mismatch"
        case let .unsupportedVersion(name, version): "unsupported \(name) class version \(version)"
        case let .byteCountMismatch(name, expected, actual):
            "\(name) byte count says it ends at \(expected) but its members end at \(actual)"
        case .cyclicDirectory: "directory tree is cyclic"
        case .tooDeep: "directory tree is nested too deeply"
        case let .notFound(path): "no key '\(path)'"
        case let .notAHistogram(name): "\(name) is not a histogram class"
        }
    }
}

/// Wraps any error thrown by `body` with the file and key path it happened in.
func locating<T>(file: String, keyPath: String, _ body: () throws -> T) throws(ROOTIOError) -> T {
    do {
        return try body()
    } catch let error as ROOTIOError {
        throw error.located(file: file, keyPath: keyPath)
    } catch {
        throw ROOTIOError(.invalid("\(error)"), file: file, keyPath: keyPath)
    }
}
