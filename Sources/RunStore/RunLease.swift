import Foundation
import SQLite
import Synchronization

/// A running job's claim on a stored file: while it is held (by a live
/// process), eviction leaves the file alone. Released explicitly or when the
/// lease is dropped; a crashed holder's lease is ignored once its process is gone.
public final class RunLease: Sendable {
    public let run: StoredRun
    private let id: Int64
    private let database: SQLiteDatabase
    private let released = Mutex(false)

    init(run: StoredRun, id: Int64, database: SQLiteDatabase) {
        self.run = run
        self.id = id
        self.database = database
    }

    deinit { release() }

    public func release() {
        let wasReleased = released.withLock { flag in
            defer { flag = true }
            return flag
        }
        guard !wasReleased else { return }
        // A lease row left behind (database busy) is swept once this process exits.
        _ = try? database.write { try $0.execute("DELETE FROM leases WHERE id = ?", .integer(id)) }
    }
}
