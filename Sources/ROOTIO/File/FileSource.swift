import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random access to a file's bytes through a read-only memory mapping (no copy into a
/// buffer of ours, and concurrent reads from many threads need no locking), or to bytes
/// already in memory.
///
/// Every access is checked against the size the file had when it was opened, so a file
/// that was already truncated gives a `truncated` error and never touches unmapped pages.
/// A file shrunk by another process while it is open would fault (SIGBUS); run files are
/// written under another name and renamed into place, never rewritten.
final class FileSource: Sendable {
    let path: String
    let size: Int
    private let storage: Storage
    /// Bytes handed out so far, to check that reading stays local to what is asked for.
    let bytesRead = Atomic<Int>(0)

    private enum Storage {
        case mapping(Mapping)
        case memory([UInt8])
    }

    /// The mapped range; read-only and unmapped only when the source goes away.
    private struct Mapping: @unchecked Sendable {
        let base: UnsafeRawPointer?
    }

    init(path: String) throws(ROOTIOError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ROOTIOError(.io(Self.errorText()), file: path) }
        // The mapping outlives the descriptor.
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw ROOTIOError(.io("not a regular file"), file: path)
        }
        let size = Int(status.st_size)
        var base: UnsafeRawPointer?
        if size > 0 {
            let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
            guard let mapped, mapped != MAP_FAILED else { throw ROOTIOError(.io("mmap: " + Self.errorText()), file: path) }
            base = UnsafeRawPointer(mapped)
        }
        self.path = path
        self.size = size
        storage = .mapping(Mapping(base: base))
    }

    init(bytes: [UInt8], name: String) {
        path = name
        size = bytes.count
        storage = .memory(bytes)
    }

    deinit {
        if case let .mapping(mapping) = storage, let base = mapping.base {
            munmap(UnsafeMutableRawPointer(mutating: base), size)
        }
    }

    /// Calls `body` with exactly `count` bytes at `offset`, or throws `truncated` if the
    /// file ends first. The bytes are valid only during the call.
    func withBytes<Result>(
        at offset: Int, count: Int, _ body: (UnsafeRawBufferPointer) throws(ROOTIOError) -> Result
    ) throws(ROOTIOError) -> Result {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else {
            throw ROOTIOError(.truncated(needed: count, available: max(0, size - max(offset, 0))), file: path, offset: offset)
        }
        bytesRead.add(count, ordering: .relaxed)
        switch storage {
        case let .memory(bytes):
            return try bytes.withRawBytes { raw throws(ROOTIOError) in
                try body(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count)]))
            }
        case let .mapping(mapping):
            return try body(UnsafeRawBufferPointer(start: mapping.base.map { $0 + offset }, count: count))
        }
    }

    /// A copy of exactly `count` bytes at `offset` (see `withBytes`).
    func read(at offset: Int, count: Int) throws(ROOTIOError) -> [UInt8] {
        try withBytes(at: offset, count: count) { Array($0) }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
