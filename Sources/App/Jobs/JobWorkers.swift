import Synchronization

/// N workers taking jobs from the queue one at a time. The queue lives in
/// SQLite, so an idle worker polls it briefly rather than waiting on a signal
/// another process could not send.
final class JobWorkers: Sendable {
    private let queue: JobQueue
    private let runner: JobRunner
    private let tasks = Mutex<[Task<Void, Never>]>([])
    private let idlePause: Duration

    init(queue: JobQueue, runner: JobRunner, idlePause: Duration = .milliseconds(100)) {
        self.queue = queue
        self.runner = runner
        self.idlePause = idlePause
    }

    func start(count: Int) {
        let started = (0..<max(1, count)).map { _ in
            Task { [queue, runner, idlePause] in
                while !Task.isCancelled {
                    let job: Job?
                    do { job = try queue.claimNext() } catch { job = nil }
                    if let job {
                        await runner.run(job)
                    } else {
                        try? await Task.sleep(for: idlePause)
                    }
                }
            }
        }
        tasks.withLock { $0 += started }
    }

    /// Stops taking jobs. A job in progress is abandoned where it is; the next
    /// start requeues it (the same path as a crash).
    func stop() {
        tasks.withLock { running in
            running.forEach { $0.cancel() }
            running = []
        }
    }
}
