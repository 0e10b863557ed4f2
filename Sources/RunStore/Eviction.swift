import Foundation
import SQLite

#if canImport(Glibc)
import Glibc
#endif

extension RunStore {
    /// Total bytes of the stored files.
    public func totalSize() throws -> Int64 {
        Int64(try database.read { try $0.scalar("SELECT COALESCE(SUM(size), 0) FROM files") }.int ?? 0)
    }

    /// When the store exceeds its quota, deletes least-recently-used files
    /// down to the watermark, skipping pinned files and files leased by a
    /// live process. Returns the evicted paths.
    @discardableResult
    public func evict() throws -> [String] {
        guard let quota else { return [] }
        return try database.write { db -> [String] in
            var total = Int64(try db.scalar("SELECT COALESCE(SUM(size), 0) FROM files").int ?? 0)
            guard total > quota else { return [] }
            try Self.dropLeasesOfDeadProcesses(db)
            let target = Int64(Double(quota) * watermark)
            let candidates = try db.query(
                """
                SELECT path, size FROM files
                WHERE pinned = 0 AND path NOT IN (SELECT path FROM leases)
                ORDER BY last_used, path
                """)
            var evicted: [String] = []
            for candidate in candidates where total > target {
                guard let path = candidate["path"].string, let size = candidate["size"].int else { continue }
                let url = filesDirectory.appendingPathComponent(path)
                if unlink(url.path) != 0, errno != ENOENT {
                    throw RunStoreError.io(String(cString: strerror(errno)), path: url.path)
                }
                try db.execute("DELETE FROM files WHERE path = ?", .text(path))
                total -= Int64(size)
                evicted.append(path)
            }
            return evicted
        }
    }

    /// Leases whose process is gone (it crashed) no longer protect files.
    private static func dropLeasesOfDeadProcesses(_ db: SQLiteConnection) throws {
        let holders = try db.query("SELECT DISTINCT pid FROM leases").compactMap { $0["pid"].int }
        for pid in holders where kill(pid_t(pid), 0) != 0 && errno == ESRCH {
            try db.execute("DELETE FROM leases WHERE pid = ?", SQLiteValue(pid))
        }
    }
}
