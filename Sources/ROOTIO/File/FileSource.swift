#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random access to a file's bytes with `pread`: only the bytes asked for are
/// read, and concurrent reads from many threads need no locking.
final class FileSource: Sendable {
    let path: String
    let size: Int
    private let descriptor: Int32

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
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Exactly `count` bytes at `offset`, or a `truncated` error if the file ends first.
    func read(at offset: Int, count: Int) throws(ROOTIOError) -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else {
            throw ROOTIOError(.truncated(needed: count, available: max(0, size - max(offset, 0))), file: path, offset: offset)
        }
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
