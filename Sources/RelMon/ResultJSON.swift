import Render

/// `relmon.json` written directly: the document `JSONEncoder` made with sorted keys
/// (a test holds the two together), in a fraction of its time on 14,000 comparisons.
enum ResultJSON {
    static func encode(_ result: RelMonResult) -> [UInt8] {
        var json = JSONWriter(capacity: 4096 + result.root.totals.weight * 160)
        json.object {
            $0.field("directoryBlacklist") { json in json.array(result.directoryBlacklist) { $0.string($1) } }
            $0.field("format") { $0.integer(result.format) }
            $0.field("histogramBlacklistSize") { $0.integer(result.histogramBlacklistSize) }
            $0.field("problems") { json in json.array(result.problems) { $0.string($1) } }
            $0.field("referenceFile") { $0.file(result.referenceFile) }
            $0.field("root") { $0.directory(result.root) }
            $0.field("showSuccesses") { $0.bool(result.showSuccesses) }
            $0.field("test") { $0.string(result.test.rawValue) }
            $0.field("testFile") { $0.file(result.testFile) }
            $0.field("threshold") { $0.number(result.threshold) }
            $0.field("topDirectory") { $0.string(result.topDirectory) }
        }
        return json.out
    }
}

extension JSONWriter {
    fileprivate mutating func file(_ file: ComparedFile) {
        object {
            $0.field("name") { $0.string(file.name) }
            if let run = file.runDirectory { $0.field("runDirectory") { $0.string(run) } }
        }
    }

    fileprivate mutating func directory(_ directory: RelMonDirectory) {
        object {
            $0.field("comparisons") { json in json.array(directory.comparisons) { $0.comparison($1) } }
            $0.field("direct") { $0.tally(directory.direct) }
            $0.field("name") { $0.string(directory.name) }
            $0.field("path") { $0.string(directory.path) }
            $0.field("subdirectories") { json in json.array(directory.subdirectories) { $0.directory($1) } }
            $0.field("totals") { $0.tally(directory.totals) }
            $0.field("unpaired") { json in
                json.array(directory.unpaired) { json, object in
                    json.object {
                        $0.field("kind") { $0.string(object.kind) }
                        $0.field("name") { $0.string(object.name) }
                        $0.field("side") { $0.string(object.side.rawValue) }
                    }
                }
            }
        }
    }

    /// A NaN rank is written as `null`, as the `Codable` form does (it reads back as NaN).
    fileprivate mutating func comparison(_ comparison: RelMonComparison) {
        object {
            $0.field("class") { $0.string(comparison.className) }
            $0.field("name") { $0.string(comparison.name) }
            if let note = comparison.note { $0.field("note") { $0.string(note.rawValue) } }
            $0.field("path") { $0.string(comparison.path) }
            if let plot = comparison.plot { $0.field("plot") { $0.string(plot) } }
            $0.field("rank") { $0.number(comparison.rank) }
            $0.field("status") { $0.string(comparison.status.rawValue) }
        }
    }

    fileprivate mutating func tally(_ tally: Tally) {
        object {
            $0.field("fails") { $0.integer(tally.fails) }
            $0.field("nulls") { $0.integer(tally.nulls) }
            $0.field("skipped") { $0.integer(tally.skipped) }
            $0.field("successes") { $0.integer(tally.successes) }
            $0.field("unpaired") { $0.integer(tally.unpaired) }
        }
    }
}
