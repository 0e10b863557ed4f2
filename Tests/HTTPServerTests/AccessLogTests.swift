import Logging
import Synchronization
import Testing
@testable import HTTPServer

@Suite("Access log")
struct AccessLogTests {
    /// Keeps every record a logger emits.
    final class Recorder: Sendable {
        let records = Mutex<[(level: Logger.Level, message: String, metadata: Logger.Metadata)]>([])

        func logger(level: Logger.Level) -> Logger {
            var logger = Logger(label: "access") { _ in Handler(recorder: self) }
            logger.logLevel = level
            return logger
        }

        struct Handler: LogHandler {
            let recorder: Recorder
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .trace
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) {
                recorder.records.withLock { $0.append((event.level, event.message.description, event.metadata ?? [:])) }
            }
        }
    }

    @Test func logsOneLinePerRequestWithItsID() throws {
        let recorder = Recorder()
        let logger = recorder.logger(level: .info)
        var router = Router()
        router.get("/ok") { _ in .text("fine") }
        let handler = chain([RequestIDMiddleware(), AccessLogMiddleware(logger: logger), ErrorMiddleware(logger: logger)], router.handler)
        let ok = try handler(Request(method: "GET", target: "/ok?x=1", headers: ["Host": "h", "X-Request-Id": "req-42"]))
        _ = try handler(Request(method: "GET", target: "/missing", headers: ["Host": "h"]))
        #expect(ok.headers["X-Request-Id"] == "req-42")
        let records = recorder.records.withLock { $0 }
        #expect(records.map(\.message) == ["GET /ok?x=1 200", "GET /missing 404"])
        #expect(records.first?.metadata["request-id"] == "req-42")
        #expect(records.first?.metadata["bytes"] == "4")
        #expect(records.allSatisfy { $0.level == .info && $0.metadata["micros"] != nil })
    }

    @Test func staysQuietBelowItsLevel() throws {
        let recorder = Recorder()
        let handler = chain([AccessLogMiddleware(logger: recorder.logger(level: .notice))]) { _ in .text("x") }
        _ = try handler(Request(method: "GET", target: "/", headers: ["Host": "h"]))
        #expect(recorder.records.withLock { $0.isEmpty })
    }
}
