import Foundation
import App
import DQMClient
import HTTPServer
import Logging
import TestSupport

/// A real service on loopback (port 0) over the committed fixture runs, in a
/// fresh temporary folder: what the API tests talk to.
final class LiveService: Sendable {
    static let adminToken = "test-admin-token-7f3a"
    static let repository = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()

    let service: Service
    let port: Int
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("app-tests-\(UUID().uuidString)")
        var configuration = try ServiceConfiguration(home: Self.repository, environment: [
            "ADQM_TMP": folder.appendingPathComponent("tmp").path,
            "ADQM_DB": folder.appendingPathComponent("db").path,
            "ADQM_ADMIN_TOKEN": Self.adminToken,
        ])
        configuration.source.localDirectory = Fixtures.dqmServerRoot.path
        configuration.http.port = 0
        var logger = Logger(label: "app-tests")
        logger.logLevel = .warning
        service = try Service(configuration: configuration, logger: logger)
        port = try service.start()
    }

    deinit {
        service.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }

    var client: LoopbackClient { LoopbackClient(port: port) }

    func request(
        _ method: String, _ path: String, body: String? = nil, headers: [String: String] = [:]
    ) async throws -> LoopbackClient.Reply {
        try await client.request(method, path, body: body, headers: headers)
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> LoopbackClient.Reply {
        try await client.get(path, headers: headers)
    }

    func waitForJob(_ id: String, seconds: Double = 60) async throws -> [String: Any] {
        try await client.waitForJob(id, seconds: seconds)
    }

    static func queryJSON(subsystem: String = "CSC", data: Int = Fixtures.dataRun, refs: [Int] = [315_000]) -> String {
        let refList = refs.map { #"{"series": "Run2018", "sample": "ZeroBias", "run": \#($0)}"# }.joined(separator: ", ")
        return #"{"source": "Offline", "subsystem": "\#(subsystem)", "data": {"series": "Run2018", "sample": "ZeroBias", "run": \#(data)}, "refs": [\#(refList)]}"#
    }
}
