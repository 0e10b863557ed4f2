import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes whole report files (plots, pages, JSON) with plain POSIX calls.
///
/// Foundation's `Data.write` syncs every file to disk; a report writes thousands
/// of plots and pages that are cheap to regenerate, and the syncs made most of
/// the time of writing them, so they are skipped. Files are named by path rather than
/// `URL`: building a `URL` per plot cost as much as writing the plot.
public enum OutputFile {
    /// A file that could not be created or written, with the system's reason.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { "cannot write \(file): \(reason)" }
    }

    public static func write(_ text: String, toPath path: String) throws(WriteError) {
        var text = text
        // `withUTF8` rethrows untyped errors, so the failure is carried out as a value.
        if let error = text.withUTF8({ write(UnsafeRawBufferPointer($0), toPath: path) }) { throw error }
    }

    public static func write(_ bytes: [UInt8], toPath path: String) throws(WriteError) {
        if let error = bytes.withUnsafeBytes({ write($0, toPath: path) }) { throw error }
    }

    /// Writes `bytes` to `path`; the error when it cannot.
    private static func write(_ bytes: UnsafeRawBufferPointer, toPath path: String) -> WriteError? {
        func failure() -> WriteError { WriteError(file: path, reason: String(cString: strerror(errno))) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return failure() }
        defer { close(descriptor) }
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return failure()
            }
            offset += written
        }
        return nil
    }
}
