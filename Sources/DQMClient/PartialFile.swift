import CFileSync
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A download target being filled, possibly resumed from an earlier attempt:
/// it appends bytes, has them hashed, and can start over when a server ignores
/// the range request.
///
/// Appends happen on the caller's (libcurl's write-callback) thread, with no copy
/// of the received bytes: each buffer is written with one `write`. A
/// `TrailingHasher` reads them back for MD5 on its own thread, so the transfer
/// never waits for the hash. Write-back to disk is started (`sync_file_range`,
/// which does not wait) every `writebackInterval` bytes, so the disk works while
/// the network does and the final `fsync` before publishing has little left to write.
final class PartialFile: @unchecked Sendable {
    let url: URL
    private let descriptor: Int32
    private let hasher: TrailingHasher
    /// Bytes from here on have not been handed to write-back yet.
    private var writebackStart: Int64 = 0
    private static let writebackInterval: Int64 = 8 << 20
    private let progress: (@Sendable (Int64) -> Void)?
    private var lastReported: Int64 = 0
    private(set) var size: Int64 = 0

    /// Opens (or creates) `url` to append to what an earlier attempt left in it,
    /// which the hasher starts reading at once.
    init(url: URL, progress: (@Sendable (Int64) -> Void)?) throws {
        self.url = url
        self.progress = progress
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DQMClientError.local(message: Self.errnoText(), path: url.path) }
        let end = lseek(descriptor, 0, SEEK_END)
        guard end >= 0 else {
            let message = Self.errnoText()
            close(descriptor)
            throw DQMClientError.local(message: message, path: url.path)
        }
        self.descriptor = descriptor
        size = Int64(end)
        writebackStart = size
        hasher = TrailingHasher(descriptor: descriptor, path: url.path, existingBytes: size)
    }

    deinit {
        hasher.stop()
        close(descriptor)
    }

    /// Appends bytes; returns false (and keeps errno) when the disk refuses them.
    func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        size += Int64(bytes.count)
        hasher.advance(to: size)
        if size - writebackStart >= Self.writebackInterval {
            // Best effort: a failure here leaves the pages to the final fsync, which reports errors.
            _ = adqm_start_writeback(descriptor, writebackStart, size - writebackStart)
            writebackStart = size
        }
        if let progress, size - lastReported >= 1 << 20 {
            lastReported = size
            progress(size)
        }
        return true
    }

    /// Drops everything written so far (the server sent the whole file again).
    func truncate() throws {
        hasher.restart()
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw DQMClientError.local(message: Self.errnoText(), path: url.path)
        }
        size = 0
        writebackStart = 0
    }

    /// Flushes the bytes to disk (while the hasher finishes) and returns the
    /// MD5 of the whole file. Call once.
    func finish() throws -> String {
        guard fsync(descriptor) == 0 else { throw DQMClientError.local(message: Self.errnoText(), path: url.path) }
        progress?(size)
        return try hasher.digest()
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
