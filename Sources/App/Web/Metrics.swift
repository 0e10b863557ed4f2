import Foundation
import HTTPServer
import Synchronization

/// Request counts and latencies for `/metrics`, by route group and status class.
final class Metrics: Sendable {
    /// Latency bucket bounds in seconds (Prometheus `le`).
    static let buckets: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private struct Series {
        var count = 0
        var seconds = 0.0
        var bucketCounts = [Int](repeating: 0, count: Metrics.buckets.count)
    }

    private struct Labels: Hashable {
        let group: String
        let statusClass: Int

        var text: String { "group=\"\(group)\",code=\"\(statusClass)xx\"" }
    }

    private let series = Mutex<[Labels: Series]>([:])

    func record(group: String, status: Int, seconds: Double) {
        let key = Labels(group: group, statusClass: status / 100)
        series.withLock { all in
            var entry = all[key] ?? Series()
            entry.count += 1
            entry.seconds += seconds
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { entry.bucketCounts[index] += 1 }
            all[key] = entry
        }
    }

    /// The request metrics in Prometheus text format.
    func prometheusText() -> String {
        let snapshot = series.withLock { $0 }.map { (key: $0.key.text, value: $0.value) }.sorted { $0.key < $1.key }
        var lines = [
            "# HELP autodqm_http_requests_total HTTP requests by route group and status class.",
            "# TYPE autodqm_http_requests_total counter",
        ]
        lines += snapshot.map { "autodqm_http_requests_total{\($0.key)} \($0.value.count)" }
        lines += [
            "# HELP autodqm_http_request_duration_seconds Time to build the response.",
            "# TYPE autodqm_http_request_duration_seconds histogram",
        ]
        for (labels, entry) in snapshot {
            for (index, bound) in Self.buckets.enumerated() {
                lines.append("autodqm_http_request_duration_seconds_bucket{\(labels),le=\"\(bound)\"} \(entry.bucketCounts[index])")
            }
            lines.append("autodqm_http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(entry.count)")
            lines.append("autodqm_http_request_duration_seconds_sum{\(labels)} \(entry.seconds)")
            lines.append("autodqm_http_request_duration_seconds_count{\(labels)} \(entry.count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Times every request into `Metrics`, grouped by the first path segment so
/// the label set stays small whatever URLs clients send.
struct MetricsMiddleware: Middleware {
    let metrics: Metrics
    static let groups: Set<String> = ["api", "plots", "jobs", "results", "static", "relmon", "admin", "healthz", "metrics"]

    func respond(to request: Request, next: Handler) throws -> Response {
        let started = ContinuousClock.now
        let first = String(request.path.utf8.dropFirst().prefix { $0 != UInt8(ascii: "/") }) ?? ""
        let group = first.isEmpty ? "index" : Self.groups.contains(first) ? first : "other"
        func record(_ status: Int) {
            let elapsed = ContinuousClock.now - started
            metrics.record(group: group, status: status, seconds: Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
        }
        do {
            let response = try next(request)
            record(response.status.code)
            return response
        } catch {
            record((error as? HTTPError)?.status.code ?? 500)
            throw error
        }
    }
}
