import Render

/// `results.json` written directly into one buffer: the same document as the
/// `Codable` encoding with sorted keys (tests hold the two together), several
/// times faster than `JSONEncoder` on a report of 14,000 histograms.
enum ReportJSON {
    static func encode(_ report: Report) -> [UInt8] {
        var json = JSONWriter(capacity: 512 + report.results.count * 700)
        json.object {
            $0.field("data") { $0.run(report.data) }
            $0.field("refs") { json in json.array(report.refs) { $0.run($1) } }
            $0.field("results") { json in json.array(report.results) { $0.result($1) } }
            if let subsystem = report.subsystem { $0.field("subsystem") { $0.string(subsystem) } }
            $0.field("unmatched") { json in json.array(report.unmatched) { $0.unmatched($1) } }
        }
        return json.out
    }
}

extension JSONWriter {
    fileprivate mutating func run(_ run: RunInfo) {
        object {
            $0.field("file") { $0.string(run.file) }
            if let number = run.run { $0.field("run") { $0.integer(number) } }
        }
    }

    fileprivate mutating func result(_ result: HistogramResult) {
        object {
            $0.field("class") { $0.string(result.className) }
            $0.field("comparators") { json in
                json.object { json in
                    for (name, outcome) in result.comparators.sorted(by: { $0.key < $1.key }) {
                        json.field(named: name) { $0.outcome(outcome) }
                    }
                }
            }
            if let configPath = result.configPath { $0.field("config_path") { $0.string(configPath) } }
            $0.field("display") { $0.bool(result.display) }
            $0.field("entries") { json in
                json.object { json in
                    if let data = result.entries.data { json.field("data") { $0.number(data) } }
                    json.field("refs") { json in json.array(result.entries.refs) { $0.optionalNumber($1) } }
                }
            }
            $0.field("flagged") { $0.bool(result.flagged) }
            $0.field("notes") { json in json.array(result.notes) { $0.string($1) } }
            $0.field("path") { $0.string(result.path) }
            $0.field("plots") { json in json.array(result.plots) { $0.string($1) } }
            $0.field("status") { $0.string(result.status.rawValue) }
        }
    }

    fileprivate mutating func outcome(_ outcome: ComparatorOutcome) {
        // Scores sit beside the reserved keys in one object, all in key order.
        var fields: [(key: String, value: Field)] = outcome.scores
            .filter { $0.key != "flagged" && $0.key != "info" }
            .map { ($0.key, .number($0.value)) }
        fields.append(("flagged", .bool(outcome.flagged)))
        if let info = outcome.info { fields.append(("info", .string(info))) }
        object { json in
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
                json.field(named: key) { json in
                    switch value {
                    case let .number(number): json.number(number)
                    case let .bool(flag): json.bool(flag)
                    case let .string(text): json.string(text)
                    }
                }
            }
        }
    }

    fileprivate mutating func unmatched(_ entry: Report.Unmatched) {
        object {
            $0.field("missing_in_data") { $0.bool(entry.missingInData) }
            $0.field("missing_in_references") { json in json.array(entry.missingInReferences) { $0.string($1) } }
            $0.field("path") { $0.string(entry.path) }
        }
    }

    private enum Field {
        case number(Double)
        case bool(Bool)
        case string(String)
    }
}
