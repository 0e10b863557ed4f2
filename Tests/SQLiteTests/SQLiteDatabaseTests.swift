import Foundation
import SQLite
import Testing

@Suite struct SQLiteDatabaseTests {
    private func temporaryDatabase() throws -> (SQLiteDatabase, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (try SQLiteDatabase(path: folder.appendingPathComponent("test.sqlite").path), folder)
    }

    @Test func migrationsRunOnceInOrder() throws {
        let (db, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let migrations = [
            SQLiteMigration("1-items", sql: "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"),
            SQLiteMigration("2-size", sql: "ALTER TABLE items ADD COLUMN size INTEGER"),
        ]
        #expect(try db.migrate(Array(migrations.prefix(1))) == ["1-items"])
        #expect(try db.migrate(migrations) == ["2-size"])
        #expect(try db.migrate(migrations) == [])
        let mode = try db.read { try $0.scalar("PRAGMA journal_mode") }
        #expect(mode.string == "wal")
    }

    @Test func boundValuesRoundTrip() throws {
        let (db, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try db.migrate([SQLiteMigration("1", sql: "CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")])
        let blob = Data([0, 1, 2, 255])
        try db.write { try $0.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", 42, 2.5, "it's", .blob(blob), nil) }
        let rows = try db.read { try $0.query("SELECT * FROM t WHERE s = ?", ["it's"]) }
        #expect(rows.count == 1)
        #expect(rows[0]["i"].int == 42)
        #expect(rows[0]["r"].double == 2.5)
        #expect(rows[0]["s"].string == "it's")
        #expect(rows[0]["b"].data == blob)
        #expect(rows[0]["n"].isNull)
    }

    @Test func failedWriteRollsBackAndNamesTheSQL() throws {
        let (db, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try db.migrate([SQLiteMigration("1", sql: "CREATE TABLE t (k TEXT PRIMARY KEY)")])
        let error = #expect(throws: SQLiteError.self) {
            try db.write { db in
                try db.execute("INSERT INTO t VALUES (?)", "secret-a")
                try db.execute("INSERT INTO t VALUES (?)", "secret-a")
            }
        }
        #expect(error?.sql == "INSERT INTO t VALUES (?)")
        #expect(error?.description.contains("secret") == false)
        #expect(try db.read { try $0.scalar("SELECT count(*) FROM t") }.int == 0)
        #expect(throws: SQLiteError.self) { try db.read { try $0.query("SELECT ?", []) } }
    }
}
