public import Foundation
import SQLite

/// One run file held in the store, as its metadata row records it.
public struct StoredRun: Sendable, Equatable {
    /// The file on disk.
    public let url: URL
    /// The path in the source's repository, also the store's key.
    public let path: String
    /// The source it came from (server URL or `file://` directory).
    public let source: String
    public let size: Int64
    public let md5: String
    public let version: Int
    public let run: Int
    public let dataset: String?
    public let fetched: Date
    public let lastUsed: Date
    public let pinned: Bool

    init?(row: SQLiteRow, filesDirectory: URL) {
        guard let path = row["path"].string, let source = row["source"].string, let size = row["size"].int,
            let md5 = row["md5"].string, let version = row["version"].int, let run = row["run"].int,
            let fetched = row["fetched"].double, let lastUsed = row["last_used"].double
        else { return nil }
        self.url = filesDirectory.appendingPathComponent(path)
        self.path = path
        self.source = source
        self.size = Int64(size)
        self.md5 = md5
        self.version = version
        self.run = run
        self.dataset = row["dataset"].string
        self.fetched = Date(timeIntervalSince1970: fetched)
        self.lastUsed = Date(timeIntervalSince1970: lastUsed)
        self.pinned = row["pinned"].int == 1
    }
}

/// The store's schema, applied forward only.
enum StoreSchema {
    static let migrations = [
        SQLiteMigration(
            "1-files-and-leases",
            sql: """
                CREATE TABLE files (
                    path TEXT PRIMARY KEY,
                    source TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    md5 TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    run INTEGER NOT NULL,
                    dataset TEXT,
                    fetched REAL NOT NULL,
                    last_used REAL NOT NULL,
                    pinned INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX files_by_use ON files (pinned, last_used);
                CREATE TABLE leases (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    path TEXT NOT NULL,
                    pid INTEGER NOT NULL,
                    acquired REAL NOT NULL
                );
                CREATE INDEX leases_by_path ON leases (path);
                """)
    ]
}
