import Foundation
import Synchronization

/// "compared 1234/14400" on stderr for runs long enough to need it: nothing
/// during the first second, then at most ten updates a second (one line per
/// tenth of the work when stderr is not a terminal).
final class ProgressLine: Sendable {
    private struct State {
        var lastPrinted: ContinuousClock.Instant
        var lastTenth = 0
        var printed = false
    }

    private let label: String
    private let start = ContinuousClock.now
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0
    private let state: Mutex<State>

    init(label: String) {
        self.label = label
        state = Mutex(State(lastPrinted: start))
    }

    func update(_ completed: Int, of total: Int) {
        let now = ContinuousClock.now
        guard now - start > .seconds(1) else { return }
        let line: String? = state.withLock { state in
            let tenth = total > 0 ? completed * 10 / total : 10
            if isTerminal {
                guard now - state.lastPrinted >= .milliseconds(100) || completed == total else { return nil }
            } else {
                guard tenth > state.lastTenth else { return nil }
            }
            state.lastPrinted = now
            state.lastTenth = tenth
            state.printed = true
            return "\(label) \(completed)/\(total)"
        }
        guard let line else { return }
        FileHandle.standardError.write(Data((isTerminal ? "\r\(line)\u{1B}[K" : "\(line)\n").utf8))
    }

    /// Ends the in-place line so that what follows starts on its own.
    func finish() {
        if isTerminal, state.withLock({ $0.printed }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
