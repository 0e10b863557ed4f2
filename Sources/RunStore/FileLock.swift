import DQMClient
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a lock file, so two processes never download
/// the same file at once. Released by `unlock` (or when the process dies).
final class FileLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    static func acquire(_ url: URL) async throws -> FileLock {
        try await onDispatchThread {
            let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw RunStoreError.io(String(cString: strerror(errno)), path: url.path) }
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw RunStoreError.io(String(cString: strerror(errno)), path: url.path)
                }
            }
            return FileLock(descriptor: descriptor)
        }
    }

    func unlock() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
