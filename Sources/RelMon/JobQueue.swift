import Foundation

/// The histogram pairs to test, handed to the testing threads while the walk is still
/// finding them: the walk reads every directory of both files, and testing threads that
/// waited for all of it sat idle for a tenth of a whole-file comparison.
final class JobQueue: @unchecked Sendable {
    // Guarded by `condition`'s lock.
    private let condition = NSCondition()
    private var jobs: [PairWalk.Job] = []
    private var taken = 0
    private var finished = false

    func add(_ job: PairWalk.Job) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// No more jobs will come: threads waiting for one return.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next job not yet taken and its index in the order they were added, waiting for
    /// the walk when it has not found one yet; `nil` once every job is taken and the walk is over.
    func next() -> (index: Int, job: PairWalk.Job)? {
        condition.lock()
        defer { condition.unlock() }
        while taken == jobs.count && !finished { condition.wait() }
        guard taken < jobs.count else { return nil }
        taken += 1
        return (taken - 1, jobs[taken - 1])
    }
}
