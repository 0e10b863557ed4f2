import Engine
import Foundation

/// What the plot page shows of a stored result, as template values: every
/// histogram (outliers first, as the engine orders them) with its verdicts,
/// entries, plots and links.
enum PlotPageModel {
    static func context(
        _ stored: ResultStore.Stored, neighbours: (previous: Int?, next: Int?)
    ) -> [String: Any] {
        let query = stored.query, report = stored.report
        let counts = report.statusCounts.sorted { $0.key < $1.key }.map { ["status": $0.key.rawValue, "count": $0.value] as [String: Any] }
        func link(_ run: Int?) -> Any {
            guard let run else { return false }
            var other = query
            other.data.run = run
            return ["run": run, "url": other.plotURL] as [String: Any]
        }
        let shown = report.results.filter(\.display).count
        return [
            "query": [
                "source": query.source, "subsystem": query.subsystem,
                "data": "\(query.data.series)/\(query.data.sample) \(query.data.run)",
                "refs": "\(query.refs.first?.series ?? "")/\(query.refs.first?.sample ?? "") "
                    + query.refs.map { String($0.run) }.joined(separator: ", "),
            ] as [String: Any],
            "key": stored.key,
            "configVersion": String(stored.configVersion.prefix(12)),
            "toolVersion": stored.toolVersion,
            "created": ISO8601DateFormatter().string(from: stored.created),
            "previous": link(neighbours.previous), "next": link(neighbours.next),
            "counts": counts, "total": report.results.count, "shown": shown,
            "histograms": report.results.map { histogram($0, stored) },
            "unmatched": report.unmatched.map(\.path),
            "hasUnmatched": !report.unmatched.isEmpty,
            "resultsURL": "/api/results/\(stored.key)",
        ]
    }

    private static func histogram(_ result: HistogramResult, _ stored: ResultStore.Stored) -> [String: Any] {
        let comparators = result.comparators.sorted { $0.key < $1.key }.map { name, outcome -> [String: Any] in
            let scores = outcome.scores.sorted { $0.key < $1.key }.map { "\($0.key) = \(format($0.value))" }.joined(separator: ", ")
            return ["name": name, "scores": scores, "flagged": outcome.flagged, "info": outcome.info ?? ""]
        }
        let refs = result.entries.refs.map { $0.map(format) ?? "—" }.joined(separator: ", ")
        let path = result.path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "+", "="])) ?? ""
        return [
            "path": result.path, "className": result.className, "status": result.status.rawValue,
            "statusClass": result.status == .ok ? "ok" : result.status == .flagged ? "bad" : "warn",
            "display": result.display,
            "plots": result.plots.map { "/results/\(stored.key)/\($0)" },
            "comparators": comparators,
            "entries": "data \(result.entries.data.map(format) ?? "—") · refs \(refs)",
            "notes": result.notes,
            "guiURL": DQMGUILink.url(query: stored.query, histogramPath: result.path, dataset: datasetName(stored.report.data)),
            "jsonURL": "/api/results/\(stored.key)/histogram?path=\(path)",
            "binsURL": "/api/results/\(stored.key)/histogram/bins?path=\(path)",
        ]
    }

    /// The dataset folder of the run file, e.g. `Run2018A-PromptReco-v1`, from its DQM file name.
    private static func datasetName(_ run: RunInfo) -> String? {
        let name = run.file.split(separator: "/").last.map(String.init) ?? run.file
        let parts = name.components(separatedBy: "__")
        return parts.count >= 3 ? parts[2] : nil
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: abs(value) >= 1e4 || abs(value) < 1e-3 ? "%.3g" : "%.4g", value)
    }
}

/// Links to the same histogram on the DQM GUI (see the reference notes, §4.4).
enum DQMGUILink {
    static let base = "https://cmsweb.cern.ch/dqm/offline/start"

    static func url(query: JobQuery, histogramPath: String, dataset: String?) -> String {
        let folder = histogramPath.split(separator: "/").first.map(String.init) ?? ""
        var parts = ["runnr=\(query.data.run)"]
        if let dataset { parts.append("dataset=/\(query.data.sample)/\(dataset)/DQMIO") }
        parts += [
            "sampletype=offline_data", "workspace=Everything", "root=\(folder)", "focus=\(histogramPath)",
            "referencepos=overlay", "referenceshow=customise", "referencenorm=True",
        ]
        if let dataset {
            for (index, ref) in query.refs.prefix(4).enumerated() {
                parts.append("referenceobj\(index + 1)=other:\(ref.run):/\(ref.sample)/\(dataset)/DQMIO:\(ref.run):0.05")
            }
        }
        let text = base + "?" + parts.joined(separator: ";")
        return text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.union(["/", ";", ":", "?", "="])) ?? base
    }
}
