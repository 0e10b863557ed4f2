import DQMClient
import Foundation
import HTTPServer
import Logging
import RunStore
import SubsystemConfig
import Synchronization

/// What every route needs, shared by the route files.
struct ServiceContext: Sendable {
    let jobs: JobQueue
    let results: ResultStore
    let store: RunStore
    let catalogs: Catalogs
    let configs: ConfigHolder
    let pages: PageRenderer
    let metrics: Metrics
    let adminToken: AdminToken?
    let publicDirectory: URL
    /// `ADQM_TMP/relmon`: RelMon report folders to browse.
    let relmonDirectory: URL
    let logger: Logger
    let plotPages = PlotPageCache()

    /// The key of the result `query` gets under the configuration in effect.
    func resultKey(for query: JobQuery) -> String {
        ResultKey.make(queryPath: query.path, configVersion: configs.configs.version)
    }

    /// Checks the query against the configuration, then enqueues it or joins the job for the same result.
    func submit(_ asked: JobQuery, client: String) throws -> (job: Job, joined: Bool) {
        let query: JobQuery
        do {
            query = try asked.validated()
        } catch {
            throw HTTPError(status: .unprocessableContent, message: error.message)
        }
        guard configs.configs.subsystem(named: query.subsystem) != nil else {
            throw HTTPError(status: .unprocessableContent, message: "no subsystem '\(query.subsystem)' in the configuration")
        }
        do {
            return try jobs.submit(query, resultKey: resultKey(for: query), client: client)
        } catch JobQueue.SubmitError.tooManyQueued(let limit) {
            throw HTTPError(status: HTTPStatus(code: 429, reason: "Too Many Requests"),
                            message: "this client already has \(limit) jobs queued", headers: ["Retry-After": "10"])
        }
    }

    /// Who submitted a job, for the per-client limit: the first address a
    /// proxy forwarded, else the client's own label, else one shared bucket.
    static func client(of request: Request) -> String {
        if let forwarded = request.headers["X-Forwarded-For"]?.split(separator: ",").first {
            return String(forwarded.trimmingCharacters(in: .whitespaces).prefix(64))
        }
        if let label = request.headers["X-Client-Id"], !label.isEmpty { return String(label.prefix(64)) }
        return "local"
    }

    /// The run catalog's neighbours of a data run (previous, next), for the plot page.
    func neighbours(of query: JobQuery) -> (previous: Int?, next: Int?) {
        let runs = try? awaitBlocking { [catalogs] in
            try await catalogs.catalog(for: query.source).runs(series: query.data.series, sample: query.data.sample).map(\.run)
        }
        let sorted = Array(Set(runs ?? [])).sorted()
        return (sorted.last { $0 < query.data.run }, sorted.first { $0 > query.data.run })
    }
}

/// Rendered plot pages by result key: a finished result never changes, so
/// its page is built once and served from memory (with gzip and ETag).
final class PlotPageCache: Sendable {
    private let pages = Mutex<[String: CachedEntity]>([:])

    subscript(key: String) -> CachedEntity? {
        get { pages.withLock { $0[key] } }
        set { pages.withLock { $0[key] = newValue } }
    }

    func removeAll() {
        pages.withLock { $0 = [:] }
    }
}
