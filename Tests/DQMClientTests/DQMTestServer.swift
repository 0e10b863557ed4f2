import DQMClient
import Foundation
import TestSupport

/// The loopback DQM GUI stand-in (`Server/dqm_server.py`) with a throw-away
/// PKI made by `Server/make_certs.sh`; started per test, stopped by `stop()`.
final class DQMTestServer {
    static let serverDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Server")

    /// One PKI for the whole test run (openssl takes a moment).
    static let certificates: Result<URL, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dqm-pki-\(UUID().uuidString)")
        let result = try run("/usr/bin/env", ["bash", serverDirectory.appendingPathComponent("make_certs.sh").path, folder.path])
        guard result.status == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "make_certs.sh: \(result.error)"])
        }
        return folder
    }

    let port: Int
    let log: URL
    let certificates: URL
    private let process: Process

    init(root: URL = Fixtures.dqmServerRoot, stallSeconds: Double = 30) throws {
        certificates = try Self.certificates.get()
        log = FileManager.default.temporaryDirectory.appendingPathComponent("dqm-server-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.serverDirectory.appendingPathComponent("dqm_server.py").path, "--root", root.path,
            "--cert", certificates.appendingPathComponent("server.pem").path,
            "--key", certificates.appendingPathComponent("server.key").path,
            "--ca", certificates.appendingPathComponent("ca.pem").path,
            "--log", log.path, "--stall-seconds", String(stallSeconds),
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "server exited"]) }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "server said \(text)"])
        }
        self.port = port
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The GUI base URL; `mode` selects a fault (`drop-once`, `stall-once`, `norange`, `odd`).
    func server(mode: String? = nil) -> String {
        "https://127.0.0.1:\(port)" + (mode.map { "/\($0)" } ?? "") + "/dqm/offline"
    }

    func file(_ name: String) -> String { certificates.appendingPathComponent(name).path }

    /// The test CA plus the client certificate and key the server accepts.
    var credentials: TLSCredentials {
        TLSCredentials(certificate: file("client.pem"), key: file("client.key"), caFile: file("ca.pem"))
    }

    /// Answered requests as `<status> <path> <range>` lines.
    func requests() -> [String] {
        (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    }

    /// A client with short time limits, so fault tests stay fast.
    func client(_ credentials: TLSCredentials? = nil, stallTimeout: Int = 2) throws -> HTTPClient {
        var options = HTTPClientOptions(credentials: credentials ?? self.credentials)
        options.stallTimeout = stallTimeout
        options.connectTimeout = 5
        options.retryDelay = .milliseconds(50)
        return try HTTPClient(options: options)
    }

    func source(mode: String? = nil, credentials: TLSCredentials? = nil, cache: ListingCache? = nil) throws -> DQMServerSource {
        DQMServerSource(server: server(mode: mode), client: try client(credentials), cache: cache)
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (
        status: Int32, output: String, error: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
