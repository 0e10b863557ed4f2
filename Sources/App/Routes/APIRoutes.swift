import DQMClient
import Engine
import Foundation
import HTTPServer
import SubsystemConfig

/// The JSON API: everything the pages do, for scripts (see Public/openapi.json).
enum APIRoutes {
    static func register(on router: inout Router, _ context: ServiceContext) {
        router.get("/api/subsystems") { _ in
            let configs = context.configs.configs
            return try .json(encoding: SubsystemList(
                configVersion: configs.version,
                subsystems: configs.subsystems.map { .init(name: $0.name, description: $0.description, entries: $0.entries.count) }))
        }
        router.get("/api/sources") { _ in try .json(encoding: ["sources": JobQuery.sources.keys.sorted()]) }
        router.get("/api/series") { request in
            let catalog = try catalog(request, context)
            return try .json(encoding: ["series": listing { try await catalog.series() }])
        }
        router.get("/api/samples") { request in
            let catalog = try catalog(request, context), series = try request.required("series")
            return try .json(encoding: ["samples": listing { try await catalog.samples(series: series) }])
        }
        router.get("/api/runs") { request in
            let catalog = try catalog(request, context)
            let series = try request.required("series"), sample = try request.required("sample")
            let files = try listing { try await catalog.runs(series: series, sample: sample) }
            return try .json(encoding: ["runs": files.map(RunEntry.init)])
        }
        router.post("/api/jobs") { request in
            let query: JobQuery
            do {
                query = try JSONCoding.decode(JobQuery.self, request.body)
            } catch let error as DecodingError {
                throw HTTPError(status: .badRequest, message: "the body is not a job query: \(error.summary)")
            }
            let (job, joined) = try context.submit(query, client: ServiceContext.client(of: request))
            var response = try Response.json(encoding: JobStatus(job, joined: joined), status: .accepted)
            response.headers.set("Location", "/api/jobs/\(job.id)")
            return response
        }
        router.get("/api/jobs/{id}") { request in
            try .json(encoding: JobStatus(try job(request, context), joined: nil))
        }
        router.get("/api/jobs/{id}/results") { request in
            let job = try job(request, context)
            guard job.status == .done else {
                throw HTTPError(status: HTTPStatus(code: 409, reason: "Conflict"), message: "job \(job.id) is \(job.status.rawValue), not done")
            }
            return try resultsJSON(job.resultKey, context)
        }
        router.get("/api/results/{key}") { request in try resultsJSON(request.parameters["key"] ?? "", context) }
        router.get("/api/results/{key}/histogram") { request in
            let key = request.parameters["key"] ?? "", path = try request.required("path")
            guard let json = try context.results.histogramJSON(key: key, path: path) else {
                throw HTTPError(status: .notFound, message: "no histogram '\(path)' in result \(key)")
            }
            return .json(json)
        }
        router.get("/api/results/{key}/histogram/bins") { request in
            let key = request.parameters["key"] ?? "", path = try request.required("path")
            guard let stored = try context.results.result(key: key) else { throw HTTPError(status: .notFound, message: "no result '\(key)'") }
            guard stored.report.results.contains(where: { $0.path == path }) else {
                throw HTTPError(status: .notFound, message: "no histogram '\(path)' in result \(key)")
            }
            do {
                return try .json(encoding: HistogramBins(report: stored.report, path: path))
            } catch HistogramBins.Failure.fileGone(let file) {
                throw HTTPError(status: HTTPStatus(code: 410, reason: "Gone"), message: "run file \(file) is no longer in the store")
            }
        }
    }

    private static func catalog(_ request: Request, _ context: ServiceContext) throws -> RunCatalog {
        do {
            return try context.catalogs.catalog(for: request.query("source") ?? "Offline")
        } catch {
            throw HTTPError(status: .badRequest, message: error.message)
        }
    }

    /// A listing from the run source; a name it does not have is a 404, a source failure a 502.
    private static func listing<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        do {
            return try awaitBlocking(work)
        } catch let error as DQMClientError {
            switch error {
            case .http(status: 404, _), .local, .invalidName:
                throw HTTPError(status: .notFound, message: "\(error)")
            default:
                throw HTTPError(status: HTTPStatus(code: 502, reason: "Bad Gateway"), message: "run source: \(error)")
            }
        }
    }

    private static func job(_ request: Request, _ context: ServiceContext) throws -> Job {
        let id = request.parameters["id"] ?? ""
        guard let job = try context.jobs.job(id: id) else { throw HTTPError(status: .notFound, message: "no job '\(id)'") }
        return job
    }

    private static func resultsJSON(_ key: String, _ context: ServiceContext) throws -> Response {
        guard let json = try context.results.resultsJSON(key: key) else {
            throw HTTPError(status: .notFound, message: "no result '\(key)'")
        }
        return .json(json)
    }
}

struct SubsystemList: Encodable {
    struct Entry: Encodable {
        var name: String
        var description: String?
        var entries: Int
    }

    var configVersion: String
    var subsystems: [Entry]

    enum CodingKeys: String, CodingKey {
        case configVersion = "config_version", subsystems
    }
}

struct RunEntry: Encodable {
    var run: Int
    var file: String
    var dataset: String?
    var size: Int64?

    init(_ file: RunFile) {
        run = file.run
        self.file = file.name.fileName
        dataset = file.name.dataset
        size = file.size
    }
}

/// A job as `POST /api/jobs` and `GET /api/jobs/{id}` answer it.
struct JobStatus: Encodable {
    var id: String
    var status: Job.Status
    var url: String
    var query: JobQuery
    var progress: JobProgress
    var error: String?
    var attempts: Int
    /// The result's key (query + config version + tool version), for `/api/results/{key}`.
    var resultKey: String
    /// `results.json` of a finished job.
    var results: String?
    /// Whether a submission joined an existing job (submissions only).
    var joined: Bool?

    enum CodingKeys: String, CodingKey {
        case id, status, url, query, progress, error, attempts, resultKey = "result_key", results, joined
    }

    init(_ job: Job, joined: Bool?) {
        id = job.id
        status = job.status
        url = job.query.plotURL
        query = job.query
        progress = job.progress
        error = job.error
        attempts = job.attempts
        resultKey = job.resultKey
        results = job.status == .done ? "/api/jobs/\(job.id)/results" : nil
        self.joined = joined
    }
}
