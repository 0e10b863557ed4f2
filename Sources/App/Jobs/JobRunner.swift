import DQMClient
import Engine
import Foundation
import Logging
import RunStore
import SubsystemConfig
import Synchronization

/// Runs one job: fetches the runs into the store (progress in bytes), compares
/// them under the subsystem's configuration (progress in histograms) and saves
/// the result. Progress goes to the queue's row, at most a few times a second.
struct JobRunner: Sendable {
    let queue: JobQueue
    let results: ResultStore
    let store: RunStore
    let configs: ConfigHolder
    let catalogs: Catalogs
    let logger: Logger
    /// Histograms compared at once inside one job.
    let concurrency: Int

    func run(_ job: Job) async {
        do {
            try await execute(job)
        } catch {
            // A stopping service abandons the job; the next start requeues it.
            if Task.isCancelled { return }
            logger.warning("job failed", metadata: ["job": "\(job.id)", "error": "\(error)"])
            try? queue.fail(job.id, error: "\(error)")
        }
    }

    private func execute(_ job: Job) async throws {
        let configs = configs.configs
        guard let subsystem = configs.subsystem(named: job.query.subsystem) else {
            throw QueryError("no subsystem \(job.query.subsystem) in the configuration")
        }
        // The result is filed under the configuration it actually ran with.
        let key = ResultKey.make(queryPath: job.query.path, configVersion: configs.version)
        let reporter = ProgressReporter(queue: queue, jobID: job.id, resultKey: key)

        let catalog = try catalogs.catalog(for: job.query.source)
        let runs = [job.query.data] + job.query.refs
        var files: [RunFile] = []
        for run in runs { files.append(try await catalog.runFile(series: run.series, sample: run.sample, run: run.run)) }
        reporter.update(.fetching) { $0.files = files.count; $0.totalBytes = files.reduce(0) { $0 + ($1.size ?? 0) } }

        var leases: [RunLease] = []
        defer { leases.forEach { $0.release() } }
        var fetchedBytes: Int64 = 0
        for file in files {
            let before = fetchedBytes
            let lease = try await store.fetch(file, from: catalog.source) { bytes in
                reporter.update(.fetching, throttled: true) { $0.bytes = before + bytes }
            }
            leases.append(lease)
            fetchedBytes += lease.run.size
            reporter.update(.fetching) { $0.bytes = fetchedBytes; $0.filesFetched += 1 }
        }

        let folder = results.folder(for: key)
        try? FileManager.default.removeItem(at: folder)
        let request = ComparisonRequest(
            data: leases[0].run.url, references: leases.dropFirst().map(\.run.url), scope: .subsystem(subsystem),
            outputDirectory: folder, plots: .all, concurrency: concurrency)
        reporter.update(.comparing) { _ in }
        let report = try await Engine.compare(request) { step in
            reporter.update(.comparing, throttled: step.completed < step.total) {
                $0.compared = step.completed
                $0.histograms = step.total
            }
        }
        try Task.checkCancellation()
        try results.save(key: key, query: job.query, configVersion: configs.version, report: report)
        reporter.update(.done) { $0.compared = $0.histograms }
    }
}

/// Keeps a job's progress and writes it to the queue; throttled updates are
/// written only every `interval`, so a fast download does not flood SQLite.
private final class ProgressReporter: Sendable {
    private let queue: JobQueue
    private let jobID: String
    private let resultKey: String
    private let state = Mutex<(progress: JobProgress, lastWrite: ContinuousClock.Instant?)>((JobProgress(), nil))
    private let interval = Duration.milliseconds(250)

    init(queue: JobQueue, jobID: String, resultKey: String) {
        self.queue = queue
        self.jobID = jobID
        self.resultKey = resultKey
    }

    func update(_ status: Job.Status, throttled: Bool = false, _ change: (inout JobProgress) -> Void) {
        let now = ContinuousClock.now
        let snapshot = state.withLock { state -> JobProgress? in
            change(&state.progress)
            if throttled, let last = state.lastWrite, now - last < interval { return nil }
            state.lastWrite = now
            return state.progress
        }
        guard let snapshot else { return }
        try? queue.update(jobID, status: status, progress: snapshot, resultKey: resultKey)
    }
}
