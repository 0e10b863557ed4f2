import Histogram
import Testing

/// Field-by-field comparison of our dump with a golden written by real ROOT: every
/// histogram and string, numbers to 1e-9 relative, non-finite numbers as null.
enum GoldenComparison {
    static func expectMatches(_ actual: FileDump, _ golden: FileDump, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.histograms.count == golden.histograms.count, "\(golden.file): histogram count", sourceLocation: sourceLocation)
        #expect(actual.strings == golden.strings, "\(golden.file): strings", sourceLocation: sourceLocation)
        let ours = Dictionary(actual.histograms.map { ("\($0.path);\($0.cycle)", $0) }, uniquingKeysWith: { first, _ in first })
        for expected in golden.histograms {
            guard let dump = ours["\(expected.path);\(expected.cycle)"] else {
                Issue.record("\(golden.file): missing \(expected.path);\(expected.cycle)", sourceLocation: sourceLocation)
                continue
            }
            let name = "\(golden.file): \(expected.path)"
            #expect(dump.className == expected.className, "\(name)", sourceLocation: sourceLocation)
            #expect(dump.title == expected.title, "\(name)", sourceLocation: sourceLocation)
            #expect(dump.axes == expected.axes, "\(name)", sourceLocation: sourceLocation)
            expectClose([dump.entries, dump.sumw], [expected.entries, expected.sumw], "\(name) entries/sumw", sourceLocation)
            expectClose(dump.contents, expected.contents, "\(name) contents", sourceLocation)
            expectClose(dump.errors, expected.errors, "\(name) errors", sourceLocation)
            expectClose(dump.binEntries ?? [], expected.binEntries ?? [], "\(name) binEntries", sourceLocation)
            #expect((dump.binEntries == nil) == (expected.binEntries == nil), "\(name)", sourceLocation: sourceLocation)
            expectClose(dump.mean, expected.mean, "\(name) mean", sourceLocation)
            expectClose(dump.stddev, expected.stddev, "\(name) stddev", sourceLocation)
        }
    }

    /// Reports the first mismatch only, so one wrong histogram does not flood the output.
    static func expectClose(_ actual: [Double?], _ expected: [Double?], _ what: String, _ sourceLocation: SourceLocation) {
        guard actual.count == expected.count else {
            Issue.record("\(what): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
            return
        }
        for (index, (a, e)) in zip(actual, expected).enumerated() {
            let close: Bool
            if let a, let e {
                close = a == e || abs(a - e) <= 1e-9 * max(abs(a), abs(e))
            } else {
                close = a == nil && e == nil
            }
            if !close {
                Issue.record("\(what)[\(index)]: \(String(describing: a)) vs \(String(describing: e))", sourceLocation: sourceLocation)
                return
            }
        }
    }
}
