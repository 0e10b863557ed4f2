import Foundation
import HTTPServer
import RunStore
import SubsystemConfig

/// Files: the app's assets, result plots, RelMon reports, and the health and metrics endpoints.
enum StaticRoutes {
    static func register(on router: inout Router, _ context: ServiceContext) throws {
        let assets = try StaticFiles(root: context.publicDirectory.path)
        router.get("/static/{path...}", assets.handler())
        router.get("/api/openapi.json") { request in try assets.respond(to: request, path: "openapi.json") }
        // Plots never change under a result key, so clients may keep them.
        let plots = try StaticFiles(root: context.results.directory.path, cacheControl: "public, max-age=86400")
        router.get("/results/{path...}", plots.handler())

        router.get("/healthz") { _ in
            _ = try context.jobs.counts()
            return try .json(encoding: ["status": "ok", "config_version": context.configs.configs.version])
        }
        router.get("/metrics") { _ in
            var response = Response.text(try serviceMetrics(context) + context.metrics.prometheusText())
            response.headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            return response
        }
    }

    private static func serviceMetrics(_ context: ServiceContext) throws -> String {
        let counts = try context.jobs.counts()
        var lines = ["# HELP autodqm_jobs Jobs in the queue by status.", "# TYPE autodqm_jobs gauge"]
        lines += Job.Status.allCases.map { "autodqm_jobs{status=\"\($0.rawValue)\"} \(counts[$0] ?? 0)" }
        lines += [
            "# HELP autodqm_jobs_running Jobs being fetched or compared.", "# TYPE autodqm_jobs_running gauge",
            "autodqm_jobs_running \((counts[.fetching] ?? 0) + (counts[.comparing] ?? 0))",
            "# HELP autodqm_results Stored results.", "# TYPE autodqm_results gauge",
            "autodqm_results \(try context.results.count())",
            "# HELP autodqm_store_bytes Bytes of run files in the store.", "# TYPE autodqm_store_bytes gauge",
            "autodqm_store_bytes \(try context.store.totalSize())",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
