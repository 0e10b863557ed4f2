import DQMClient
import Synchronization
import Testing

/// Tasks running now, and the most ever seen at once.
final class RunningCounter: Sendable {
    private let counts = Mutex((running: 0, peak: 0))
    func enter() { counts.withLock { $0.running += 1; $0.peak = max($0.peak, $0.running) } }
    func leave() { counts.withLock { $0.running -= 1 } }
    var peak: Int { counts.withLock { $0.peak } }
}

@Suite struct ConcurrencyLimiterTests {
    @Test func neverRunsMoreThanTheLimit() async throws {
        let limiter = ConcurrencyLimiter(limit: 3)
        let counts = RunningCounter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await limiter.withPermit {
                        counts.enter()
                        try await Task.sleep(for: .milliseconds(20))
                        counts.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(counts.peak == 3)
    }
}
