import Synchronization
import Testing
@testable import Engine

@Suite struct ConcurrentMapTests {
    @Test func keepsInputOrderAndNeverExceedsItsWidth() async throws {
        let running = Mutex((now: 0, peak: 0))
        let completions = Mutex([Int]())
        let squares = try await Array(0..<200).concurrentMap(width: 3, completed: { done in completions.withLock { $0.append(done) } }) { value in
            running.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            await Task.yield()
            running.withLock { $0.now -= 1 }
            return value * value
        }
        #expect(squares == (0..<200).map { $0 * $0 })
        #expect(running.withLock { $0.peak } <= 3)
        #expect(completions.withLock { $0 } == Array(1...200))
    }

    @Test func passesErrorsOn() async {
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await [1, 2, 3].concurrentMap(width: 2) { value in
                if value == 2 { throw Boom() }
                return value
            }
        }
    }
}
