public import DQMClient
public import Foundation
public import HTTPServer
import RunStore

/// Everything `autodqm serve` needs, resolved from AutoDQM's `ADQM_*`
/// environment variables; command-line flags override fields afterwards.
public struct ServiceConfiguration: Sendable {
    /// Where `Public/`, `Templates/`, `configs/` and `demo/` are (`ADQM_HOME`).
    public var home: URL
    /// Subsystem configurations (`ADQM_CONFIG`, default `<home>/configs`).
    public var configDirectory: URL
    /// The run-file store (`ADQM_DB`).
    public var storeDirectory: URL
    /// Results and plots (`ADQM_TMP`, default `/tmp/autodqm`).
    public var tmpDirectory: URL
    /// The service's SQLite file (`ADQM_DATABASE`, default `<tmp>/autodqm.sqlite`).
    public var databasePath: String
    /// Where runs come from: `--local DIR` or the DQM server (`ADQM_DQM_URL`, `ADQM_SSLCERT`...).
    public var source: SourceConfiguration
    public var http: ServerConfiguration
    /// Comparison jobs run at once.
    public var jobWorkers = 2
    /// Queued jobs one client may have (`ADQM_MAX_QUEUED`).
    public var maxQueuedPerClient = 10
    /// Admin actions need this token (`ADQM_ADMIN_TOKEN` or the file `ADQM_ADMIN_TOKEN_FILE`); nil disables them.
    public var adminToken: String?
    /// Store quota in bytes (`ADQM_DB_QUOTA`); nil for none.
    public var storeQuota: Int64?

    public init(home: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        self.home = home
        configDirectory = value("ADQM_CONFIG").map { URL(fileURLWithPath: $0) } ?? home.appendingPathComponent("configs")
        storeDirectory = RunStore.defaultDirectory(environment: environment)
        tmpDirectory = URL(fileURLWithPath: value("ADQM_TMP") ?? "/tmp/autodqm")
        databasePath = value("ADQM_DATABASE") ?? tmpDirectory.appendingPathComponent("autodqm.sqlite").path
        source = SourceConfiguration(server: value("ADQM_DQM_URL"), credentials: TLSCredentials.fromEnvironment(environment))
        http = ServerConfiguration()
        if let limit = value("ADQM_MAX_QUEUED").flatMap(Int.init), limit > 0 { maxQueuedPerClient = limit }
        storeQuota = value("ADQM_DB_QUOTA").flatMap(Int64.init)
        if let token = value("ADQM_ADMIN_TOKEN") {
            adminToken = token
        } else if let file = value("ADQM_ADMIN_TOKEN_FILE") {
            do {
                adminToken = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw ServiceError.configuration("cannot read ADQM_ADMIN_TOKEN_FILE \(file): \(error.localizedDescription)")
            }
            if adminToken?.isEmpty == true { throw ServiceError.configuration("ADQM_ADMIN_TOKEN_FILE \(file) is empty") }
        }
    }

    /// `ADQM_HOME`, else the current directory if it holds `Templates/`, else the
    /// first folder up from the executable that does.
    public static func findHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let home = environment["ADQM_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var candidates = [current]
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("Templates/layout.mustache").path) }
            ?? current
    }
}

public enum ServiceError: Error, CustomStringConvertible {
    case configuration(String)

    public var description: String {
        switch self {
        case .configuration(let message): message
        }
    }
}
