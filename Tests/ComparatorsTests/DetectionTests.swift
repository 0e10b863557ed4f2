import Comparators
import Histogram
import TestSupport
import Testing

/// The default comparator set on the fixture runs against `truth.json`.
struct DetectionTests {
    struct Outcome {
        var found: [String] = []
        var missed: [String] = []
        var falseAlarms: [String] = []
        var clean = 0
        var missing: [String] = []
        var empty: [String] = []
    }

    static func judge(referenceCount: Int) throws -> Outcome {
        let runs = try GoldenRuns.get()
        let truth = try #require(runs.truth.run(315_705))
        let anomalies = Set(truth.anomalies.map(\.path))
        var outcome = Outcome()
        for path in runs.references[0].keys.sorted() {
            guard let data = runs.data[path] else {
                outcome.missing.append(path)
                continue
            }
            if data.isEmpty { outcome.empty.append(path) }
            let references = runs.references.prefix(referenceCount).compactMap { $0[path] }
            let options = ComparatorOptions(histogramName: path)
            let flagged = Comparators.defaultSet(for: data).contains {
                $0.compare(data: data, references: references, options: options).flagged
            }
            switch (anomalies.contains(path), flagged) {
            case (true, true): outcome.found.append(path)
            case (true, false): outcome.missed.append(path)
            case (false, true): outcome.falseAlarms.append(path)
            case (false, false): outcome.clean += 1
            }
        }
        return outcome
    }

    @Test(arguments: [1, 3])
    func defaultSetFindsTheInjectedAnomalies(referenceCount: Int) throws {
        let runs = try GoldenRuns.get()
        let truth = try #require(runs.truth.run(315_705))
        let outcome = try Self.judge(referenceCount: referenceCount)
        #expect(outcome.found.count + outcome.missed.count == 29)
        #expect(outcome.found.count >= 28, "missed: \(outcome.missed)")
        #expect(outcome.falseAlarms.isEmpty, "false alarms: \(outcome.falseAlarms)")
        // 288 reference histograms: 1 missing from the data, 29 anomalous, 258 clean — of which 204 are
        // the TH1/TH2 AutoDQM can judge; we also judge profiles and TH3, and flag none.
        #expect(outcome.clean + outcome.falseAlarms.count == 258)
        #expect(outcome.missing == truth.missing)
        #expect(outcome.empty == truth.empty)
        print("detection with \(referenceCount) reference(s): found \(outcome.found.count)/29, false alarms \(outcome.falseAlarms.count)/258, missing \(outcome.missing), empty \(outcome.empty), missed \(outcome.missed)")
    }
}
