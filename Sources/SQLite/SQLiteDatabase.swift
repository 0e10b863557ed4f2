internal import CSQLite
import Foundation

/// A SQLite database file with one connection, serialised by a lock: every
/// access goes through `read` or `write`. WAL mode and a busy timeout let
/// several processes share the file.
public final class SQLiteDatabase: @unchecked Sendable {
    private let connection: SQLiteConnection
    private let lock = NSLock()
    public let path: String

    public init(path: String, busyTimeout: Duration = .seconds(10)) throws {
        self.path = path
        connection = try SQLiteConnection(path: path)
        let milliseconds = Int32(clamping: busyTimeout.components.seconds * 1000)
        sqlite3_busy_timeout(connection.handle, milliseconds)
        try connection.executeScript("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;")
    }

    /// Runs `body` with the connection, outside any explicit transaction.
    public func read<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(connection)
    }

    /// Runs `body` in an IMMEDIATE transaction: committed when it returns,
    /// rolled back when it throws.
    public func write<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try connection.executeScript("BEGIN IMMEDIATE")
        do {
            let result = try body(connection)
            try connection.executeScript("COMMIT")
            return result
        } catch {
            try? connection.executeScript("ROLLBACK")
            throw error
        }
    }
}
