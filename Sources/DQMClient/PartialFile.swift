import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A download target being filled, possibly resumed from an earlier attempt:
/// it appends bytes, hashes them as they pass, and can start over when a
/// server ignores the range request. Hashing runs on its own serial queue,
/// overlapping the network and the disk; at most `hashBacklog` chunks wait.
final class PartialFile: @unchecked Sendable {
    let url: URL
    private let descriptor: Int32
    /// Only touched on `hashQueue`.
    private let hasher = MD5()
    private let hashQueue = DispatchQueue(label: "PartialFile.md5")
    private let hashBacklog = DispatchSemaphore(value: 32)
    /// Data is flushed to disk in the background every `flushInterval` bytes,
    /// so the final fsync before publishing has little left to write.
    private let flushQueue = DispatchQueue(label: "PartialFile.flush")
    private let flushing = Atomic(false)
    private var unflushed: Int64 = 0
    private static let flushInterval: Int64 = 32 << 20
    private let progress: (@Sendable (Int64) -> Void)?
    private var lastReported: Int64 = 0
    private(set) var size: Int64 = 0

    /// Opens (or creates) `url`, hashing what an earlier attempt left in it.
    init(url: URL, progress: (@Sendable (Int64) -> Void)?) throws {
        self.url = url
        self.progress = progress
        descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DQMClientError.local(message: Self.errnoText(), path: url.path) }
        try hashExistingBytes()
    }

    deinit { close(descriptor) }

    private func hashExistingBytes() throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        lseek(descriptor, 0, SEEK_SET)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { throw DQMClientError.local(message: Self.errnoText(), path: url.path) }
            if count == 0 { break }
            hashInBackground(buffer.withUnsafeBytes { Data(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) })
            size += Int64(count)
        }
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
        hashInBackground(Data(bytes))
        size += Int64(bytes.count)
        unflushed += Int64(bytes.count)
        if unflushed >= Self.flushInterval { flushInBackground() }
        if let progress, size - lastReported >= 1 << 20 {
            lastReported = size
            progress(size)
        }
        return true
    }

    /// Drops everything written so far (the server sent the whole file again).
    func truncate() throws {
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw DQMClientError.local(message: Self.errnoText(), path: url.path)
        }
        hashQueue.sync { hasher.reset() }
        size = 0
    }

    /// Flushes the bytes to disk and returns the MD5 of the whole file.
    func finish() throws -> String {
        guard fsync(descriptor) == 0 else { throw DQMClientError.local(message: Self.errnoText(), path: url.path) }
        progress?(size)
        return hashQueue.sync { hasher.finalize() }
    }

    /// Starts writing back what is written so far, unless a flush is running.
    private func flushInBackground() {
        guard flushing.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        unflushed = 0
        // Holds self, so the descriptor stays open until the flush ends.
        flushQueue.async { [self] in
            fdatasync(descriptor)
            flushing.store(false, ordering: .releasing)
        }
    }

    private func hashInBackground(_ chunk: Data) {
        hashBacklog.wait()
        hashQueue.async { [hasher, hashBacklog] in
            chunk.withUnsafeBytes { hasher.update($0) }
            hashBacklog.signal()
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
