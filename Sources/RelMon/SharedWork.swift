import Dispatch
import Synchronization

/// Work items spread over threads, each thread taking the next item not yet taken, so the
/// time splits evenly however the items are sized (pages of a report, pairs of a matrix).
enum SharedWork {
    /// Calls `body` once for every index in `0..<count`, on up to `workers` threads at once.
    static func forEachIndex(_ count: Int, workers: Int, _ body: @Sendable (Int) -> Void) {
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                body(index)
            }
        }
    }
}
