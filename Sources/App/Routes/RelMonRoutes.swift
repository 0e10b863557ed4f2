import Foundation
import HTTPServer
import RelMon

/// RelMon reports (folders written by `autodqm relmon` / `relmon-matrix` under
/// `ADQM_TMP/relmon/`), browsable as static files with an index of the reports.
enum RelMonRoutes {
    static func register(on router: inout Router, _ context: ServiceContext, folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = try StaticFiles(root: folder.path, cacheControl: "no-cache")
        router.get("/relmon/{path...}") { request in
            let path = request.parameters["path"] ?? ""
            if path.isEmpty {
                guard request.path.hasSuffix("/") else { return .redirect(to: "/relmon/", status: .movedPermanently) }
                let reports = reports(in: folder)
                return .html(try context.pages.page("relmon", title: "RelMon reports", ["reports": reports, "hasReports": !reports.isEmpty]))
            }
            var isDirectory: ObjCBool = false
            let onDisk = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: onDisk.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return try files.respond(to: request, path: path)
            }
            // A report folder: its summary page, at an address ending in '/' so relative links work.
            guard request.path.hasSuffix("/") else { return .redirect(to: request.path + "/", status: .movedPermanently) }
            return try files.respond(to: request, path: path + "/" + PairReport.rootPage)
        }
    }

    /// Report folders (those with a summary page), newest first.
    static func reports(in folder: URL) -> [[String: Any]] {
        let entries = (try? FileManager.default.contentsOfDirectory(
            at: folder, includingPropertiesForKeys: [.contentModificationDateKey], options: [.skipsHiddenFiles])) ?? []
        return entries
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent(PairReport.rootPage).path) }
            .map { ($0.lastPathComponent, (try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast) }
            .sorted { $0.1 > $1.1 }
            .map { ["name": $0.0, "url": "/relmon/\($0.0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0.0)/",
                    "modified": ISO8601DateFormatter().string(from: $0.1)] }
    }
}
