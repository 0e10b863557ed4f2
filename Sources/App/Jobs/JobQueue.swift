import Foundation
public import SQLite

/// The job queue, persisted in SQLite (WAL) so submitted jobs survive a crash.
/// Equal queries join one job; each client may have only so many jobs waiting.
public final class JobQueue: Sendable {
    let database: SQLiteDatabase
    public let maxQueuedPerClient: Int
    /// A job interrupted this many times (the process died under it) fails instead of running again.
    public let maxAttempts: Int

    public init(database: SQLiteDatabase, maxQueuedPerClient: Int = 10, maxAttempts: Int = 3) throws {
        self.database = database
        self.maxQueuedPerClient = maxQueuedPerClient
        self.maxAttempts = maxAttempts
        try database.migrate(AppSchema.migrations)
    }

    public enum SubmitError: Error, Equatable {
        case tooManyQueued(limit: Int)
    }

    /// Enqueues `query`, or returns the job already queued, running or done for the same result.
    public func submit(_ query: JobQuery, resultKey: String, client: String) throws -> (job: Job, joined: Bool) {
        try database.write { db in
            let existing = try db.query(
                "SELECT * FROM jobs WHERE result_key = ? AND status != 'failed' ORDER BY created DESC LIMIT 1",
                [.text(resultKey)])
            if let row = existing.first, let job = Self.job(row) { return (job, true) }
            let waiting = try db.scalar(
                "SELECT COUNT(*) FROM jobs WHERE client = ? AND status = 'queued'", .text(client)).int ?? 0
            guard waiting < maxQueuedPerClient else { throw SubmitError.tooManyQueued(limit: maxQueuedPerClient) }
            let now = Date()
            let job = Job(
                id: Self.newID(), query: query, resultKey: resultKey, status: .queued, progress: JobProgress(),
                error: nil, client: client, attempts: 0, created: now, updated: now)
            try db.execute(
                """
                INSERT INTO jobs (id, query, query_path, result_key, status, progress, client, attempts, created, updated)
                VALUES (?, ?, ?, ?, 'queued', ?, ?, 0, ?, ?)
                """,
                .text(job.id), .text(JSONCoding.string(query)), .text(query.path), .text(resultKey),
                .text(JSONCoding.string(job.progress)), .text(client), .real(now.timeIntervalSince1970),
                .real(now.timeIntervalSince1970))
            return (job, false)
        }
    }

    /// The job with this id.
    public func job(id: String) throws -> Job? {
        try database.read { db in try db.query("SELECT * FROM jobs WHERE id = ?", [.text(id)]).first.flatMap(Self.job) }
    }

    /// The newest job producing `resultKey`.
    public func job(resultKey: String) throws -> Job? {
        try database.read { db in
            try db.query("SELECT * FROM jobs WHERE result_key = ? ORDER BY created DESC LIMIT 1", [.text(resultKey)])
                .first.flatMap(Self.job)
        }
    }

    /// Takes the oldest queued job for a worker, marking it `fetching`.
    public func claimNext() throws -> Job? {
        try database.write { db in
            guard let row = try db.query("SELECT * FROM jobs WHERE status = 'queued' ORDER BY created LIMIT 1").first,
                  var job = Self.job(row) else { return nil }
            job.status = .fetching
            job.attempts += 1
            job.updated = Date()
            try db.execute(
                "UPDATE jobs SET status = 'fetching', attempts = ?, updated = ? WHERE id = ?",
                .integer(Int64(job.attempts)), .real(job.updated.timeIntervalSince1970), .text(job.id))
            return job
        }
    }

    public func update(_ id: String, status: Job.Status, progress: JobProgress, resultKey: String? = nil) throws {
        try database.write { db in
            try db.execute(
                "UPDATE jobs SET status = ?, progress = ?, result_key = COALESCE(?, result_key), updated = ? WHERE id = ?",
                .text(status.rawValue), .text(JSONCoding.string(progress)), SQLiteValue(resultKey),
                .real(Date().timeIntervalSince1970), .text(id))
        }
    }

    public func fail(_ id: String, error: String) throws {
        try database.write { db in
            try db.execute(
                "UPDATE jobs SET status = 'failed', error = ?, updated = ? WHERE id = ?",
                .text(error), .real(Date().timeIntervalSince1970), .text(id))
        }
    }

    /// On start: jobs a dead process left running go back to the queue (or fail
    /// after `maxAttempts`). Returns how many were requeued.
    @discardableResult
    public func recoverInterrupted() throws -> Int {
        try database.write { db in
            try db.execute(
                "UPDATE jobs SET status = 'failed', error = ?, updated = ? WHERE status IN ('fetching', 'comparing') AND attempts >= ?",
                .text("interrupted \(maxAttempts) times"), .real(Date().timeIntervalSince1970), .integer(Int64(maxAttempts)))
            try db.execute(
                "UPDATE jobs SET status = 'queued', updated = ? WHERE status IN ('fetching', 'comparing')",
                .real(Date().timeIntervalSince1970))
            return db.changes
        }
    }

    /// Number of jobs in each status.
    public func counts() throws -> [Job.Status: Int] {
        try database.read { db in
            var counts: [Job.Status: Int] = [:]
            for row in try db.query("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status") {
                if let status = row["status"].string.flatMap(Job.Status.init) { counts[status] = row["n"].int ?? 0 }
            }
            return counts
        }
    }

    /// Forgets the jobs of a deleted result, so the next visit computes it again.
    public func deleteJobs(resultKey: String) throws {
        try database.write { db in try db.execute("DELETE FROM jobs WHERE result_key = ? AND status IN ('done', 'failed')", .text(resultKey)) }
    }

    private static func job(_ row: SQLiteRow) -> Job? {
        guard let id = row["id"].string, let queryText = row["query"].string,
              let query = try? JSONCoding.decode(JobQuery.self, queryText),
              let status = row["status"].string.flatMap(Job.Status.init),
              let resultKey = row["result_key"].string else { return nil }
        let progress = row["progress"].string.flatMap { try? JSONCoding.decode(JobProgress.self, $0) } ?? JobProgress()
        return Job(
            id: id, query: query, resultKey: resultKey, status: status, progress: progress, error: row["error"].string,
            client: row["client"].string ?? "", attempts: row["attempts"].int ?? 0,
            created: Date(timeIntervalSince1970: row["created"].double ?? 0),
            updated: Date(timeIntervalSince1970: row["updated"].double ?? 0))
    }

    private static func newID() -> String {
        (0..<12).map { _ in String("abcdefghijkmnpqrstuvwxyz23456789".randomElement() ?? "a") }.joined()
    }
}
