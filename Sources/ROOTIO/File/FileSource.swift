import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random access to a file's bytes with `pread` (only the bytes asked for are read, and
/// concurrent reads from many threads need no locking), or to bytes already in memory.
final class FileSource: Sendable {
    let path: String
    let size: Int
    private let storage: Storage
    /// Bytes handed out so far, to check that reading stays local to what is asked for.
    let bytesRead = Atomic<Int>(0)

    private enum Storage {
        case descriptor(Int32)
        case memory([UInt8])
    }

    init(path: String) throws(ROOTIOError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ROOTIOError(.io(Self.errorText()), file: path) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw ROOTIOError(.io("not a regular file"), file: path)
        }
        self.path = path
        self.size = Int(status.st_size)
        storage = .descriptor(descriptor)
    }

    init(bytes: [UInt8], name: String) {
        path = name
        size = bytes.count
        storage = .memory(bytes)
    }

    deinit {
        if case let .descriptor(descriptor) = storage { close(descriptor) }
    }

    /// Exactly `count` bytes at `offset`, or a `truncated` error if the file ends first.
    func read(at offset: Int, count: Int) throws(ROOTIOError) -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else {
            throw ROOTIOError(.truncated(needed: count, available: max(0, size - max(offset, 0))), file: path, offset: offset)
        }
        bytesRead.add(count, ordering: .relaxed)
        switch storage {
        case let .memory(bytes):
            return Array(bytes[offset..<(offset + count)])
        case let .descriptor(descriptor):
            return try read(descriptor, at: offset, count: count)
        }
    }

    private func read(_ descriptor: Int32, at offset: Int, count: Int) throws(ROOTIOError) -> [UInt8] {
        if count == 0 { return [] }
        var failure: ROOTIOError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress.map { $0 + done }, count - done, off_t(offset + done))
                if got > 0 {
                    done += got
                } else if got < 0 && errno == EINTR {
                    continue
                } else {
                    failure = got == 0
                        ? ROOTIOError(.truncated(needed: count, available: done), file: path, offset: offset)
                        : ROOTIOError(.io(Self.errorText()), file: path, offset: offset)
                    break
                }
            }
            initialized = done
        }
        if let failure { throw failure }
        return bytes
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
