import Foundation
import HTTPServer
import RunStore
import SubsystemConfig

/// Admin actions: delete a result, evict the run store, reload configurations.
/// Each needs `Authorization: Bearer <ADQM_ADMIN_TOKEN>`; with no token configured they are disabled.
enum AdminRoutes {
    static func register(on router: inout Router, _ context: ServiceContext) {
        router.delete("/api/admin/results/{key}") { request in
            try authorize(request, context)
            let key = request.parameters["key"] ?? ""
            guard try context.results.delete(key: key) else { throw HTTPError(status: .notFound, message: "no result '\(key)'") }
            try context.jobs.deleteJobs(resultKey: key)
            context.plotPages.remove(resultKey: key)
            return try .json(encoding: ["deleted": key])
        }
        router.post("/api/admin/evict") { request in
            try authorize(request, context)
            let evicted = try context.store.evict()
            return try .json(encoding: EvictionReport(evicted: evicted, storeBytes: try context.store.totalSize()))
        }
        router.post("/api/admin/reload-configs") { request in
            try authorize(request, context)
            let configs: String
            do {
                configs = try context.configs.reload().version
            } catch {
                throw HTTPError(status: .unprocessableContent, message: "configuration not reloaded: \(error)")
            }
            context.plotPages.removeAll()
            return try .json(encoding: ["config_version": configs])
        }
    }

    private static func authorize(_ request: Request, _ context: ServiceContext) throws(HTTPError) {
        guard let token = context.adminToken else {
            throw HTTPError(status: .forbidden, message: "admin actions are disabled (no ADQM_ADMIN_TOKEN)")
        }
        let header = request.headers["Authorization"] ?? ""
        guard header.hasPrefix("Bearer "), token.matches(String(header.dropFirst("Bearer ".count))) else {
            throw HTTPError(status: HTTPStatus(code: 401, reason: "Unauthorized"), message: "a valid admin token is required",
                            headers: ["WWW-Authenticate": "Bearer"])
        }
    }
}

struct EvictionReport: Encodable {
    var evicted: [String]
    var storeBytes: Int64

    enum CodingKeys: String, CodingKey {
        case evicted, storeBytes = "store_bytes"
    }
}
