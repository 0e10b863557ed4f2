#if canImport(Glibc)
import Glibc
#endif
import DQMClient
import Foundation
import SQLite
import Testing
import TestSupport

/// The built `autodqm serve` as a child process, killed with SIGKILL in the
/// middle of a job and started again on the same database: the job completes.
@Suite("Kill and restart")
struct KillRestartTests {
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("autodqm")

    /// Starting, killing and waiting block on pipes and `waitpid`, so tests call them through
    /// `onDispatchThread`: Swift's cooperative threads (two on two cores) stay free for other tests.
    final class ServerProcess: @unchecked Sendable {
        let process = Process()
        let port: Int

        init(folder: URL) throws {
            process.executableURL = KillRestartTests.executable
            // The demo runs: six files, so a job with five references lasts long enough to be caught.
            process.arguments = ["serve", "--port", "0", "--demo", "--workers", "1"]
            process.currentDirectoryURL = LiveService.repository
            process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ADQM_") }.merging([
                "ADQM_TMP": folder.appendingPathComponent("tmp").path, "ADQM_DB": folder.appendingPathComponent("db").path,
            ]) { $1 }
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // The server logs its port when listening.
            var seen = ""
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let chunk = errors.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
                if let match = seen.firstMatch(of: /port=(\d+)/), let port = Int(match.output.1) {
                    self.port = port
                    // Keep draining the log so the server never blocks on a full pipe.
                    errors.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
                    return
                }
            }
            process.terminate()
            throw LoopbackClient.Failure("server did not report its port: \(seen)")
        }

        func kill() {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        /// SIGTERM: the server drains and exits on its own.
        func terminate() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test(.timeLimit(.minutes(3))) func aJobInterruptedBySIGKILLCompletesAfterRestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let refs = [316_000, 316_050, 316_100, 316_200, 316_250]
            .map { #"{"series": "Run2018", "sample": "ZeroBias", "run": \#($0)}"# }.joined(separator: ", ")
        // A job can finish between the poll that sees it running and the kill; then the
        // next subsystem is tried, until one is caught mid-run (the database says so).
        for subsystem in ["EcalEndcap", "CSC", "DT", "RPC", "Hcal", "Muons", "Egamma", "Tracking"] {
            let query = #"{"source": "Offline", "subsystem": "\#(subsystem)", "data": {"series": "Run2018", "sample": "ZeroBias", "run": 316150}, "refs": [\#(refs)]}"#
            let first = try await onDispatchThread { try ServerProcess(folder: folder) }
            defer { if first.process.isRunning { first.kill() } }  // only when a check below failed
            let client = LoopbackClient(port: first.port)
            let id = try #require(try await client.request("POST", "/api/jobs", body: query).json()["id"] as? String)
            var status = ""
            while !["fetching", "comparing", "done", "failed"].contains(status) {
                status = try await client.get("/api/jobs/\(id)").json()["status"] as? String ?? ""
            }
            try await onDispatchThread { first.kill() }
            let left = try SQLiteDatabase(path: folder.appendingPathComponent("tmp/autodqm.sqlite").path)
                .read { db in try db.scalar("SELECT status FROM jobs WHERE id = ?", .text(id)).string }
            guard left == "fetching" || left == "comparing" else { continue }

            let second = try await onDispatchThread { try ServerProcess(folder: folder) }
            defer { if second.process.isRunning { second.kill() } }
            let finished = try await LoopbackClient(port: second.port).waitForJob(id)
            #expect(finished["status"] as? String == "done", "\(finished)")
            #expect(finished["attempts"] as? Int == 2)
            #expect(try await onDispatchThread { second.terminate() } == 0)
            return
        }
        Issue.record("every job finished before SIGKILL could interrupt it")
    }
}
