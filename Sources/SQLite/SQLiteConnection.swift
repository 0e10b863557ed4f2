internal import CSQLite
import Foundation

/// An open SQLite handle. It is only reachable inside `SQLiteDatabase.read`
/// or `.write`, which hold the database's lock, so it is never shared.
public final class SQLiteConnection {
    let handle: OpaquePointer

    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(handle)
            throw SQLiteError(code: code, message: "\(message) (\(path))")
        }
        self.handle = handle
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one statement with bound arguments and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> [SQLiteRow] {
        let statement = try Statement(connection: handle, sql: sql)
        try statement.bind(arguments)
        return try statement.rows()
    }

    /// Runs one statement with bound arguments, ignoring any rows.
    public func execute(_ sql: String, _ arguments: SQLiteValue...) throws {
        try query(sql, arguments)
    }

    /// Runs several `;`-separated statements without arguments (schema scripts).
    public func executeScript(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "failed"
            sqlite3_free(message)
            throw SQLiteError(code: code, message: text, sql: sql)
        }
    }

    /// The first column of the first row, if any.
    public func scalar(_ sql: String, _ arguments: SQLiteValue...) throws -> SQLiteValue {
        try query(sql, arguments).first?[0] ?? .null
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
}
