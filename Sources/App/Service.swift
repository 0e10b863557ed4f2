import Foundation
import HTTPServer
public import Logging
import DQMClient
import RunStore
import SQLite

/// The web service: the SQLite database, job queue and workers, result store,
/// run store and source, configurations, templates, and the HTTP server with
/// every route. `start()` first requeues jobs a previous process left running.
public final class Service: Sendable {
    public let configuration: ServiceConfiguration
    public let jobs: JobQueue
    public let results: ResultStore
    let store: RunStore
    let catalogs: Catalogs
    let configs: ConfigHolder
    let pages: PageRenderer
    let metrics = Metrics()
    let logger: Logger
    private let workers: JobWorkers
    private let server: Server

    public init(configuration: ServiceConfiguration, logger: Logger = Logger(label: "autodqm")) throws {
        self.configuration = configuration
        self.logger = logger
        try FileManager.default.createDirectory(at: configuration.tmpDirectory, withIntermediateDirectories: true)
        let database = try SQLiteDatabase(path: configuration.databasePath)
        jobs = try JobQueue(database: database, maxQueuedPerClient: configuration.maxQueuedPerClient)
        results = try ResultStore(database: database, directory: configuration.tmpDirectory.appendingPathComponent("results"))
        store = try RunStore(directory: configuration.storeDirectory, quota: configuration.storeQuota)
        var source = configuration.source
        source.listingCache = source.localDirectory == nil ? store.listingsDirectory : nil
        catalogs = Catalogs(source: try source.makeSource())
        configs = try ConfigHolder(directory: configuration.configDirectory)
        pages = try PageRenderer(home: configuration.home)
        workers = JobWorkers(
            queue: jobs,
            runner: JobRunner(
                queue: jobs, results: results, store: store, configs: configs, catalogs: catalogs, logger: logger,
                concurrency: max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, configuration.jobWorkers))))
        let handler = try Routes.handler(for: ServiceContext(
            jobs: jobs, results: results, store: store, catalogs: catalogs, configs: configs, pages: pages,
            metrics: metrics, adminToken: configuration.adminToken.map(AdminToken.init),
            publicDirectory: configuration.home.appendingPathComponent("Public"),
            relmonDirectory: configuration.tmpDirectory.appendingPathComponent("relmon"), logger: logger))
        server = try Server(configuration: configuration.http, logger: logger, handler: handler)
    }

    /// Requeues interrupted jobs, starts the workers and the server; returns the bound port.
    @discardableResult
    public func start() throws -> Int {
        try startJobs()
        return try server.start()
    }

    /// Stops the server gracefully, then the workers.
    public func shutdown() {
        server.shutdown()
        workers.stop()
    }

    /// Serves until SIGTERM or SIGINT.
    public func run() throws {
        try startJobs()
        defer { workers.stop() }
        try server.run()
    }

    private func startJobs() throws {
        let requeued = try jobs.recoverInterrupted()
        if requeued > 0 { logger.info("requeued interrupted jobs", metadata: ["count": "\(requeued)"]) }
        workers.start(count: configuration.jobWorkers)
    }
}
