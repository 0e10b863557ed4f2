/// A named schema change. Migrations run once each, forward only, in the
/// order given; the names already applied are kept in `schema_migrations`.
public struct SQLiteMigration: Sendable {
    public let name: String
    public let sql: String

    public init(_ name: String, sql: String) {
        self.name = name
        self.sql = sql
    }
}

extension SQLiteDatabase {
    /// Applies the migrations not applied yet, each in its own transaction.
    /// Returns the names it applied.
    @discardableResult
    public func migrate(_ migrations: [SQLiteMigration]) throws -> [String] {
        try write { db in
            try db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied REAL NOT NULL)")
        }
        var applied: [String] = []
        for migration in migrations {
            let done = try write { db -> Bool in
                let present = try db.scalar("SELECT 1 FROM schema_migrations WHERE name = ?", .text(migration.name))
                guard present.isNull else { return false }
                try db.executeScript(migration.sql)
                try db.execute(
                    "INSERT INTO schema_migrations (name, applied) VALUES (?, julianday('now'))", .text(migration.name))
                return true
            }
            if done { applied.append(migration.name) }
        }
        return applied
    }
}
