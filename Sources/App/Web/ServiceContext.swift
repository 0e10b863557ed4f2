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

    /// Who submitted a job, for the per-client limit: the peer's address, or
    /// the first forwarded address when the peer is a proxy on this machine
    /// (a client elsewhere cannot choose its bucket by sending the header).
    static func client(of request: Request) -> String {
        let peer = request.peerAddress ?? "unknown"
        guard peer == "127.0.0.1" || peer == "::1",
              let forwarded = request.headers["X-Forwarded-For"]?.split(separator: ",").first else { return peer }
        return String(forwarded.trimmingCharacters(in: .whitespaces).prefix(64))
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

/// Rendered plot pages by their canonical URL path: a finished result never
/// changes, so its page is built once and served from memory (with gzip and
/// ETag) without even parsing the query again. A config reload empties it.
final class PlotPageCache: Sendable {
    private let pages = Mutex<[String: (resultKey: String, page: CachedEntity)]>([:])

    func page(path: String) -> CachedEntity? {
        pages.withLock { $0[path]?.page }
    }

    func store(_ page: CachedEntity, path: String, resultKey: String) {
        pages.withLock { $0[path] = (resultKey, page) }
    }

    func remove(resultKey: String) {
        pages.withLock { $0 = $0.filter { $0.value.resultKey != resultKey } }
    }

    func removeAll() {
        pages.withLock { $0 = [:] }
    }
}
