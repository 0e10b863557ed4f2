import App
import Foundation
import SQLite
import Testing

/// The SQLite job queue on its own: joining, per-client limits, crash recovery.
@Suite("Job queue")
struct JobQueueTests {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString).sqlite")

    func query(_ run: Int) -> JobQuery {
        JobQuery(source: "Offline", subsystem: "CSC", data: RunRef(series: "Run2018", sample: "ZeroBias", run: run),
                 refs: [RunRef(series: "Run2018", sample: "ZeroBias", run: 315_000)])
    }

    @Test func equalResultKeysJoinAndFailedJobsAreRetried() throws {
        let queue = try JobQueue(database: SQLiteDatabase(path: file.path))
        let (first, joinedFirst) = try queue.submit(query(1), resultKey: "k1", client: "a")
        let (second, joinedSecond) = try queue.submit(query(1), resultKey: "k1", client: "b")
        #expect(!joinedFirst && joinedSecond && first.id == second.id)
        try queue.fail(first.id, error: "source down")
        let (retry, joinedRetry) = try queue.submit(query(1), resultKey: "k1", client: "a")
        #expect(!joinedRetry && retry.id != first.id)
    }

    @Test func eachClientHasALimitOnQueuedJobs() throws {
        let queue = try JobQueue(database: SQLiteDatabase(path: file.path), maxQueuedPerClient: 2)
        _ = try queue.submit(query(1), resultKey: "k1", client: "a")
        _ = try queue.submit(query(2), resultKey: "k2", client: "a")
        #expect(throws: JobQueue.SubmitError.tooManyQueued(limit: 2)) { try queue.submit(query(3), resultKey: "k3", client: "a") }
        _ = try queue.submit(query(3), resultKey: "k3", client: "b")
        // A running job no longer counts as queued.
        _ = try queue.claimNext()
        _ = try queue.submit(query(4), resultKey: "k4", client: "a")
    }

    @Test func jobsLeftRunningByADeadProcessAreRequeuedThenGiveUp() throws {
        let queue = try JobQueue(database: SQLiteDatabase(path: file.path), maxAttempts: 2)
        let (job, _) = try queue.submit(query(1), resultKey: "k1", client: "a")
        var claimed = try #require(try queue.claimNext())
        #expect(claimed.id == job.id && claimed.status == .fetching && claimed.attempts == 1)
        try queue.update(job.id, status: .comparing, progress: JobProgress())

        // A new process opens the same file: the job is queued again.
        let restarted = try JobQueue(database: SQLiteDatabase(path: file.path), maxAttempts: 2)
        #expect(try restarted.recoverInterrupted() == 1)
        #expect(try restarted.job(id: job.id)?.status == .queued)
        claimed = try #require(try restarted.claimNext())
        #expect(claimed.attempts == 2)

        // Interrupted as often as allowed: it fails with a reason instead of looping.
        let again = try JobQueue(database: SQLiteDatabase(path: file.path), maxAttempts: 2)
        #expect(try again.recoverInterrupted() == 0)
        let failed = try #require(try again.job(id: job.id))
        #expect(failed.status == .failed && failed.error?.contains("interrupted") == true)
        #expect(try again.counts()[.failed] == 1)
    }
}
