import Foundation
import TestSupport
import Testing

/// `autodqm fetch` and `autodqm runs`, run as the built binary against the loopback server.
@Suite struct CommandTests {
    /// The `autodqm` executable built next to this test bundle.
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("autodqm").path

    private func autodqm(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String, error: String) {
        var base = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ADQM_") && !$0.key.hasPrefix("X509_") }
        base.merge(environment) { $1 }
        return try DQMTestServer.run(Self.executable, arguments, environment: base)
    }

    @Test func fetchPrintsTheStoredPathLast() throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        let db = try temporaryDirectory("db")
        defer { try? FileManager.default.removeItem(at: db) }
        let result = try autodqm([
            "fetch", "--series", "Run2018", "--sample", "ZeroBias", "--run", "315705", "--server", server.server(),
            "--cert", server.file("client.pem"), "--key", server.file("client.key"), "--ca", server.file("ca.pem"),
            "--db", db.path,
        ])
        #expect(result.status == 0, "\(result.error)")
        let path = try #require(result.output.split(separator: "\n").last.map(String.init))
        #expect(path.hasPrefix(db.path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: Fixtures.dqmRun(315_705)))
    }

    @Test func runsPrintsOneRunALineUsingTheEnvironment() throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        let db = try temporaryDirectory("db")
        defer { try? FileManager.default.removeItem(at: db) }
        let environment = [
            "ADQM_DQM_URL": server.server(), "ADQM_SSLCERT": server.file("client.pem"),
            "ADQM_SSLKEY": server.file("client.key"), "ADQM_CACERT": server.file("ca.pem"), "ADQM_DB": db.path,
        ]
        let result = try autodqm(["runs", "--series", "Run2018", "--sample", "ZeroBias"], environment: environment)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "315000\n315100\n315200\n315705\n")
        let fetched = try autodqm(["fetch", "--series", "Run2018", "--sample", "ZeroBias", "--run", "315000"], environment: environment)
        #expect(fetched.status == 0, "\(fetched.error)")
        #expect(fetched.output.hasPrefix(db.path))
    }

    @Test func missingCertificateFailsWithAClearMessage() throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        let db = try temporaryDirectory("db")
        defer { try? FileManager.default.removeItem(at: db) }
        let result = try autodqm([
            "runs", "--series", "Run2018", "--sample", "ZeroBias", "--server", server.server(), "--ca", server.file("ca.pem"),
            "--db", db.path,
        ])
        #expect(result.status != 0)
        #expect(result.error.contains("TLS handshake"))
        #expect(result.error.contains("certificate required"))
    }

    @Test func localDirectorySourceNeedsNoServer() throws {
        let db = try temporaryDirectory("db")
        defer { try? FileManager.default.removeItem(at: db) }
        let local = Fixtures.dqmServerRoot.path
        let runs = try autodqm(["runs", "--local", local, "--series", "Run2018", "--sample", "ZeroBias"])
        #expect(runs.output == "315000\n315100\n315200\n315705\n")
        let fetch = try autodqm(["fetch", "--local", local, "--series", "Run2018", "--sample", "ZeroBias", "--run", "315200", "--db", db.path])
        #expect(fetch.status == 0, "\(fetch.error)")
        let path = fetch.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: Fixtures.dqmRun(315_200)))
    }
}
