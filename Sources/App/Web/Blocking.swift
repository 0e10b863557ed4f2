import Dispatch
import Synchronization

/// Waits on a server worker thread for async work (listing runs, which may
/// go to the DQM server). The HTTP workers are Dispatch threads, not the
/// cooperative pool, so blocking one does not starve Swift tasks.
func awaitBlocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let result: Result<T, any Error>
        do { result = .success(try await work()) } catch { result = .failure(error) }
        outcome.withLock { $0 = result }
        done.signal()
    }
    done.wait()
    guard let result = outcome.withLock({ $0 }) else { preconditionFailure("task finished without a result") }
    return try result.get()
}
