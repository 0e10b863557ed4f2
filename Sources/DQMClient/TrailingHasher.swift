import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The MD5 of a file being appended to, computed on a thread of its own that
/// reads the bytes back from the page cache (`pread`) behind the writer.
///
/// MD5 is serial and slower than a loopback TLS transfer (≈ 0.5 s of CPU per
/// 300 MB here), so hashing inline would put all of it on the transfer's path.
/// Trailing the writer costs one copy out of the page cache but never makes
/// the writer wait: no buffers are handed over, and bytes an earlier attempt
/// left in the file are hashed while the network brings the rest. Only
/// `digest()` waits for the hasher to catch up. Because it reads the file, the
/// digest is of exactly the bytes that will be published.
final class TrailingHasher: @unchecked Sendable {
    private let descriptor: Int32
    private let path: String
    private let md5 = MD5()
    /// Bytes read per `pread`: small enough to stay in L2 between the copy and the hash.
    private static let chunk = 256 << 10
    /// The writer wakes the hasher only after this many new bytes, not on every
    /// (≤ 16 KiB TLS record sized) append.
    private static let publishStep: Int64 = 1 << 20

    // Touched by the writer thread only: the file's end, and the end last published.
    private var pending: Int64
    private var published: Int64

    // Guarded by `condition`.
    private let condition = NSCondition()
    /// Bytes of the file the hasher may read (published by the writer).
    private var available: Int64
    private var hashed: Int64 = 0
    /// True while the hasher thread reads or hashes without holding the lock;
    /// `md5` is touched by others only while this is false.
    private var busy = false
    private var stopping = false
    private var running = true
    private var failure: String?

    /// Starts hashing the `existingBytes` already in the file open at `descriptor`
    /// (which the caller keeps open until `stop()` returns).
    init(descriptor: Int32, path: String, existingBytes: Int64) {
        self.descriptor = descriptor
        self.path = path
        pending = existingBytes
        published = existingBytes
        available = existingBytes
        Thread { [self] in
            Thread.current.name = "autodqm-md5"  // Linux keeps 15 characters; named before start is lost
            run()
        }.start()
    }

    /// The file now holds `size` bytes.
    func advance(to size: Int64) {
        pending = size
        if size - published >= Self.publishStep { publish() }
    }

    private func publish() {
        published = pending
        condition.lock()
        available = pending
        condition.signal()
        condition.unlock()
    }

    /// Forgets everything hashed so far; the caller then truncates the file to zero.
    func restart() {
        condition.lock()
        while busy { condition.wait() }
        md5.reset()
        pending = 0
        published = 0
        available = 0
        hashed = 0
        failure = nil
        condition.unlock()
    }

    /// The MD5 of the file's bytes so far, once the hasher has read them all.
    /// Call once: the digest is final.
    func digest() throws -> String {
        publish()
        condition.lock()
        defer { condition.unlock() }
        while hashed < available, failure == nil { condition.wait() }
        if let failure { throw DQMClientError.local(message: failure, path: path) }
        return md5.finalize()
    }

    /// Ends the hasher thread; after this the descriptor may be closed.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    private func run() {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunk, alignment: 4096)
        defer { buffer.deallocate() }
        condition.lock()
        while true {
            while !stopping, hashed == available || failure != nil { condition.wait() }
            if stopping { break }
            let offset = hashed
            let wanted = Int(min(available - offset, Int64(Self.chunk)))
            busy = true
            condition.unlock()
            let count = pread(descriptor, buffer.baseAddress, wanted, off_t(offset))
            let readError = errno
            if count > 0 { md5.update(UnsafeRawBufferPointer(rebasing: buffer[..<count])) }
            condition.lock()
            busy = false
            if count > 0 {
                hashed += Int64(count)
            } else if count == 0 {
                failure = "file shorter than written while hashing (\(offset) bytes)"
            } else if readError != EINTR {
                failure = String(cString: strerror(readError))
            }
            condition.broadcast()
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }
}
