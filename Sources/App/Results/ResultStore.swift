public import Engine
public import Foundation
public import SQLite

/// Finished comparisons: the `results.json` document and one row per histogram
/// in SQLite, the SVG plots in a folder per result under `directory`.
public final class ResultStore: Sendable {
    let database: SQLiteDatabase
    /// `ADQM_TMP/results`: one folder per result key.
    public let directory: URL

    public init(database: SQLiteDatabase, directory: URL) throws {
        self.database = database
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try database.migrate(AppSchema.migrations)
    }

    /// A stored result's metadata and report.
    public struct Stored: Sendable {
        public var key: String
        public var query: JobQuery
        public var configVersion: String
        public var toolVersion: String
        public var folder: URL
        public var report: Report
        public var created: Date
    }

    /// Where a result's plots go before it is saved.
    public func folder(for key: String) -> URL { directory.appendingPathComponent(key, isDirectory: true) }

    public func save(key: String, query: JobQuery, configVersion: String, report: Report) throws {
        let folder = folder(for: key)
        let json = report.jsonData()
        try json.write(to: folder.appendingPathComponent(Report.resultsFileName), options: .atomic)
        try database.write { db in
            try db.execute("DELETE FROM results WHERE key = ?", .text(key))
            try db.execute(
                """
                INSERT INTO results (key, query, query_path, config_version, tool_version, directory, report, created)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                .text(key), .text(JSONCoding.string(query)), .text(query.path), .text(configVersion),
                .text(ResultKey.toolVersion), .text(folder.path), .text(String(decoding: json, as: UTF8.self)),
                .real(Date().timeIntervalSince1970))
            for (position, result) in report.results.enumerated() {
                try db.execute(
                    "INSERT OR REPLACE INTO histograms (result_key, position, path, status, display, result) VALUES (?, ?, ?, ?, ?, ?)",
                    .text(key), .integer(Int64(position)), .text(result.path), .text(result.status.rawValue),
                    SQLiteValue(result.display), .text(JSONCoding.string(result)))
            }
        }
    }

    public func result(key: String) throws -> Stored? {
        let row = try database.read { db in try db.query("SELECT * FROM results WHERE key = ?", [.text(key)]).first }
        guard let row, let queryText = row["query"].string, let reportText = row["report"].string,
              let folder = row["directory"].string else { return nil }
        return Stored(
            key: key, query: try JSONCoding.decode(JobQuery.self, queryText),
            configVersion: row["config_version"].string ?? "", toolVersion: row["tool_version"].string ?? "",
            folder: URL(fileURLWithPath: folder, isDirectory: true),
            report: try JSONCoding.decode(Report.self, reportText),
            created: Date(timeIntervalSince1970: row["created"].double ?? 0))
    }

    /// The `results.json` bytes exactly as stored.
    public func resultsJSON(key: String) throws -> String? {
        try database.read { db in try db.scalar("SELECT report FROM results WHERE key = ?", .text(key)).string }
    }

    /// One histogram's stored result, as JSON.
    public func histogramJSON(key: String, path: String) throws -> String? {
        try database.read { db in
            try db.scalar("SELECT result FROM histograms WHERE result_key = ? AND path = ?", .text(key), .text(path)).string
        }
    }

    /// Keys of every stored result for a query path, newest first.
    public func keys(queryPath: String) throws -> [String] {
        try database.read { db in
            try db.query("SELECT key FROM results WHERE query_path = ? ORDER BY created DESC", [.text(queryPath)])
                .compactMap { $0["key"].string }
        }
    }

    /// Removes a result's rows and its folder; false when there was none.
    @discardableResult
    public func delete(key: String) throws -> Bool {
        let removed = try database.write { db -> Bool in
            try db.execute("DELETE FROM histograms WHERE result_key = ?", .text(key))
            try db.execute("DELETE FROM results WHERE key = ?", .text(key))
            return db.changes > 0
        }
        try? FileManager.default.removeItem(at: folder(for: key))
        return removed
    }

    public func count() throws -> Int {
        try database.read { db in try db.scalar("SELECT COUNT(*) FROM results").int ?? 0 }
    }
}
