import Foundation
import HTTPServer
import SubsystemConfig

/// The HTML pages: the query form, the plot page (or, until its result exists,
/// the job page with live progress), and a job's page by id.
enum PageRoutes {
    static func register(on router: inout Router, _ context: ServiceContext) {
        router.get("/") { _ in
            let configs = context.configs.configs
            return .html(try context.pages.page("form", title: "New comparison", [
                "subsystems": configs.subsystemNames.sorted(),
                "sources": ["Offline"] + JobQuery.sources.keys.filter { $0 != "Offline" }.sorted(),
            ]))
        }
        // The form's plain GET submission: redirects to the shareable plot URL.
        router.get("/go") { request in
            let refRuns = request.query.filter { $0.name == "ref" }.flatMap { $0.value.split(whereSeparator: { "_, ".contains($0) }) }
            let series = try request.required("series"), sample = try request.required("sample")
            guard let run = Int(try request.required("run")), !refRuns.isEmpty else {
                throw HTTPError(status: .badRequest, message: "choose a data run and at least one reference run")
            }
            let refSeries = request.query("refSeries").flatMap { $0.isEmpty ? nil : $0 } ?? series
            let refSample = request.query("refSample").flatMap { $0.isEmpty ? nil : $0 } ?? sample
            let segments = [
                request.query("source") ?? "Offline", try request.required("subsystem"), refSeries, refSample,
                refRuns.joined(separator: "_"), series, sample, String(run),
            ]
            return .redirect(to: try query(segments).plotURL)
        }
        router.get("/plots/{path...}") { request in
            if let page = context.plotPages.page(path: request.path) { return page.response(to: request) }
            let query = try query((request.parameters["path"] ?? "").split(separator: "/").map(String.init))
            let key = context.resultKey(for: query)
            if let stored = try context.results.result(key: key) {
                let html = try context.pages.page(
                    "plots", title: "\(query.subsystem) · run \(query.data.run)",
                    PlotPageModel.context(stored, neighbours: context.neighbours(of: query)))
                let page = CachedEntity(body: Array(html.utf8), contentType: "text/html; charset=utf-8", cacheControl: "no-cache")
                if request.path == query.plotURL { context.plotPages.store(page, path: request.path, resultKey: key) }
                return page.response(to: request)
            }
            let (job, _) = try context.submit(query, client: ServiceContext.client(of: request))
            return .html(try jobPage(job, context))
        }
        router.get("/jobs/{id}") { request in
            let id = request.parameters["id"] ?? ""
            guard let job = try context.jobs.job(id: id) else { throw HTTPError(status: .notFound, message: "no job '\(id)'") }
            return job.status == .done ? .redirect(to: job.query.plotURL) : .html(try jobPage(job, context))
        }
    }

    private static func query(_ segments: [String]) throws(HTTPError) -> JobQuery {
        do {
            return try JobQuery(plotPath: segments)
        } catch {
            throw HTTPError(status: .badRequest, message: error.message)
        }
    }

    private static func jobPage(_ job: Job, _ context: ServiceContext) throws -> String {
        try context.pages.page("job", title: "Comparing \(job.query.subsystem) · run \(job.query.data.run)", [
            "id": job.id, "status": job.status.rawValue, "url": job.query.plotURL, "error": job.error ?? "",
            "failed": job.status == .failed,
            "data": "\(job.query.data.series)/\(job.query.data.sample) \(job.query.data.run)",
            "refs": job.query.refs.map { String($0.run) }.joined(separator: ", "),
        ])
    }
}
