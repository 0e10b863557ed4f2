public import DQMClient
public import Foundation
import SQLite

#if canImport(Glibc)
import Glibc
#endif

/// The local store of run files (AutoDQM's `ADQM_DB`): files under `runs/`
/// mirroring the repository paths, metadata in `store.sqlite`, partial
/// downloads under `partial/`. A file is published only once complete (size
/// checked, fsynced, renamed into place), so a crash never leaves a corrupt
/// entry; a partial download is resumed by the next fetch.
public final class RunStore: Sendable {
    public let directory: URL
    /// Bytes the store may hold; nil for no limit.
    public let quota: Int64?
    /// Eviction frees space down to `quota × watermark` (hysteresis).
    public let watermark: Double
    let database: SQLiteDatabase
    private let inFlight = InFlightFetches()
    private let clock: @Sendable () -> Date

    public var filesDirectory: URL { directory.appendingPathComponent("runs") }
    /// Partial downloads untouched this long (seconds) are deleted by `fetch`.
    public static let partialLifetime: TimeInterval = 2 * 86_400
    var partialDirectory: URL { directory.appendingPathComponent("partial") }
    public var listingsDirectory: URL { directory.appendingPathComponent("listings") }

    public init(
        directory: URL, quota: Int64? = nil, watermark: Double = 0.9, clock: @escaping @Sendable () -> Date = Date.init
    ) throws {
        self.directory = directory
        self.quota = quota
        self.watermark = min(max(watermark, 0), 1)
        self.clock = clock
        for folder in [directory, directory.appendingPathComponent("runs"), directory.appendingPathComponent("partial")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        database = try SQLiteDatabase(path: directory.appendingPathComponent("store.sqlite").path)
        try database.migrate(StoreSchema.migrations)
    }

    /// `ADQM_DB` from the environment, else `~/.autodqm/db`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment["ADQM_DB"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".autodqm/db")
    }

    /// The stored file for `file`, downloading it first if needed, leased to
    /// the caller so eviction cannot remove it while in use. Concurrent
    /// fetches of one file share a single download, across processes too.
    public func fetch(
        _ file: RunFile, from source: any RunSource, progress: (@Sendable (Int64) -> Void)? = nil
    ) async throws -> RunLease {
        let path = file.path
        try await inFlight.run(path) {
            let lock = try await FileLock.acquire(self.partialDirectory.appendingPathComponent(file.name.fileName + ".lock"))
            defer { lock.unlock() }
            if try self.validEntry(path, expectedSize: file.size) == nil {
                try await self.download(file, from: source, progress: progress)
            }
        }
        let lease = try lease(path)
        try evict()
        try removeStalePartials(olderThan: Self.partialLifetime)
        return lease
    }

    /// Marks a stored file as in use and refreshes its last-used time.
    public func lease(_ path: String) throws -> RunLease {
        let now = clock().timeIntervalSince1970
        let (run, id) = try database.write { db -> (StoredRun, Int64) in
            try db.execute("UPDATE files SET last_used = ? WHERE path = ?", .real(now), .text(path))
            guard let row = try db.query("SELECT * FROM files WHERE path = ?", [.text(path)]).first else {
                throw RunStoreError.notStored(path: path)
            }
            guard let run = StoredRun(row: row, filesDirectory: filesDirectory) else { throw RunStoreError.corruptRow(path: path) }
            try db.execute(
                "INSERT INTO leases (path, pid, acquired) VALUES (?, ?, ?)", .text(path), .integer(Int64(getpid())), .real(now))
            return (run, db.lastInsertRowID)
        }
        return RunLease(run: run, id: id, database: database)
    }

    /// Every stored file, least recently used first.
    public func entries() throws -> [StoredRun] {
        try database.read { db in
            try db.query("SELECT * FROM files ORDER BY last_used, path").compactMap {
                StoredRun(row: $0, filesDirectory: filesDirectory)
            }
        }
    }

    /// Pinned files are never evicted.
    public func setPinned(_ path: String, _ pinned: Bool) throws {
        try database.write { db in
            try db.execute("UPDATE files SET pinned = ? WHERE path = ?", SQLiteValue(pinned), .text(path))
            guard db.changes == 1 else { throw RunStoreError.notStored(path: path) }
        }
    }

    /// The metadata row of `path` when its file is present and complete;
    /// a row whose file vanished is dropped.
    private func validEntry(_ path: String, expectedSize: Int64?) throws -> StoredRun? {
        let row = try database.read { try $0.query("SELECT * FROM files WHERE path = ?", [.text(path)]).first }
        guard let row, let run = StoredRun(row: row, filesDirectory: filesDirectory) else { return nil }
        let size = (try? FileManager.default.attributesOfItem(atPath: run.url.path)[.size] as? Int64) ?? nil
        if size == run.size, expectedSize == nil || expectedSize == run.size { return run }
        try database.write { try $0.execute("DELETE FROM files WHERE path = ?", .text(path)) }
        return nil
    }

    private func download(_ file: RunFile, from source: any RunSource, progress: (@Sendable (Int64) -> Void)?) async throws {
        let partial = partialDirectory.appendingPathComponent(file.name.fileName + ".part")
        let result = try await source.download(file.path, expectedSize: file.size, to: partial, progress: progress)
        let destination = filesDirectory.appendingPathComponent(file.path)
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard rename(partial.path, destination.path) == 0 else {
            throw RunStoreError.io(String(cString: strerror(errno)), path: destination.path)
        }
        Self.syncDirectory(folder)
        let now = clock().timeIntervalSince1970
        try database.write { db in
            try db.execute(
                """
                INSERT OR REPLACE INTO files (path, source, size, md5, version, run, dataset, fetched, last_used, pinned)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE((SELECT pinned FROM files WHERE path = ?), 0))
                """,
                .text(file.path), .text(source.identifier), .integer(result.size), .text(result.md5),
                SQLiteValue(file.name.version), SQLiteValue(file.run), SQLiteValue(file.name.dataset), .real(now), .real(now),
                .text(file.path))
        }
    }

    /// Makes a rename durable: fsync the directory holding the new name.
    private static func syncDirectory(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

/// Joins concurrent fetches of the same path onto one download.
actor InFlightFetches {
    private var tasks: [String: Task<Void, any Error>] = [:]

    func run(_ key: String, _ body: @escaping @Sendable () async throws -> Void) async throws {
        if let task = tasks[key] { return try await task.value }
        let task = Task { try await body() }
        tasks[key] = task
        defer { tasks[key] = nil }
        try await task.value
    }
}
