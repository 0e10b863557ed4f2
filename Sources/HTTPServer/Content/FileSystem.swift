#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the static-file responder needs, as plain syscalls.
enum FileSystem {
    struct Status: Equatable {
        let size: Int
        let modifiedSeconds: Int
        let modifiedNanoseconds: Int
        let inode: UInt64
        let isRegularFile: Bool
    }

    /// The canonical absolute path with every symlink resolved, or nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func status(_ path: String) -> Status? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Status(size: Int(info.st_size), modifiedSeconds: Int(info.st_mtim.tv_sec),
                      modifiedNanoseconds: Int(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino),
                      isRegularFile: (info.st_mode & S_IFMT) == S_IFREG)
    }

    /// Reads a whole file of at most `limit` bytes.
    static func read(_ path: String, limit: Int) throws(SystemCallError) -> [UInt8] {
        let fd = try syscallBlocking("open") { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(fd) }
        var info = stat()
        try syscallBlocking("fstat") { fstat(fd, &info) }
        guard Int(info.st_size) <= limit else { throw SystemCallError(call: "read(\(path))", errno: EFBIG) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = try bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(SystemCallError) in
                    let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])
                    return try syscallBlocking("read") { Glibc.read(fd, rest.baseAddress, rest.count) }
                }
            }.get()
            if count == 0 { break } // the file shrank while we read it
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
