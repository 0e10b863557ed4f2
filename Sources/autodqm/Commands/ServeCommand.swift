import App
import ArgumentParser
import DQMClient
import Foundation
import HTTPServer
import Logging

/// `autodqm serve`: the web service (query form, plot pages, JSON API, job queue).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web service: query form, plot pages, JSON API and the job queue.",
        discussion: """
            Environment: ADQM_HOME (Public/, Templates/, configs/, demo/), ADQM_CONFIG, ADQM_DB (run store), \
            ADQM_TMP (results and plots), ADQM_DATABASE (SQLite file), ADQM_DQM_URL, ADQM_SSLCERT, ADQM_SSLKEY, \
            ADQM_CACERT, ADQM_ADMIN_TOKEN or ADQM_ADMIN_TOKEN_FILE, ADQM_MAX_QUEUED, ADQM_DB_QUOTA. \
            See README.md, "Running the service".
            """)

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port, named by the log line 'Listening').")
    var port = 8080

    @Option(help: "The service's SQLite file (default: $ADQM_DATABASE, else $ADQM_TMP/autodqm.sqlite).")
    var db: String?

    @Option(help: "DQM GUI base URL (default: $ADQM_DQM_URL or the DQM Offline server).")
    var server: String?

    @Option(help: "Read runs from a directory with the DQM server's layout instead of a server.")
    var local: String?

    @Flag(help: "Serve the bundled demo runs (demo/dqm) with the shipped configs: no certificate needed.")
    var demo = false

    @Option(help: "Comparison jobs run at once.")
    var workers = 2

    @Option(help: "HTTP worker threads.")
    var httpWorkers = 2

    func validate() throws {
        if demo && (local != nil || server != nil) { throw ValidationError("--demo serves its own runs; drop --local/--server") }
        if local != nil && server != nil { throw ValidationError("give --local or --server, not both") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard workers >= 1, httpWorkers >= 1 else { throw ValidationError("--workers and --http-workers must be at least 1") }
    }

    func run() throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var logger = Logger(label: "autodqm")
        logger.logLevel = ProcessInfo.processInfo.environment["ADQM_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
        let home = ServiceConfiguration.findHome()
        var configuration = try ServiceConfiguration(home: home)
        configuration.http.host = host
        configuration.http.port = port
        configuration.http.workers = httpWorkers
        configuration.jobWorkers = workers
        if let db { configuration.databasePath = db }
        if let server { configuration.source.server = server }
        if let local { configuration.source.localDirectory = local }
        if demo {
            configuration.source.localDirectory = home.appendingPathComponent("demo/dqm").path
            configuration.configDirectory = home.appendingPathComponent("configs")
        }
        let service = try Service(configuration: configuration, logger: logger)
        try service.run()
    }
}
