public import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension RunStore {
    /// Deletes partial downloads left by runs that were never fetched again:
    /// untouched for `age` seconds and with no download running (their lock
    /// is free). Lock files stay: removing one a waiter has open would let
    /// two downloads of one file run at once. Returns the removed file names.
    @discardableResult
    public func removeStalePartials(olderThan age: TimeInterval) throws -> [String] {
        let keys: Set<URLResourceKey> = [.contentModificationDateKey]
        let partials = try FileManager.default.contentsOfDirectory(
            at: partialDirectory, includingPropertiesForKeys: Array(keys)
        ).filter { $0.pathExtension == "part" }
        let cutoff = Date().addingTimeInterval(-age)
        var removed: [String] = []
        for partial in partials {
            guard let modified = try? partial.resourceValues(forKeys: keys).contentModificationDate, modified < cutoff else {
                continue
            }
            let lock = partial.deletingPathExtension().appendingPathExtension("lock")
            let descriptor = open(lock.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
            if unlink(partial.path) == 0 { removed.append(partial.lastPathComponent) }
            flock(descriptor, LOCK_UN)
        }
        return removed
    }
}
