import Comparators
import Histogram
import Testing
import TestSupport
@testable import Engine

/// Judgements on the fixture runs as real ROOT read them (the goldens), against
/// what `truth.json` says was injected.
@Suite struct VerdictTests {
    static let data = Result { try FixtureHistograms.load(run: Fixtures.dataRun) }
    static let reference = Result { try FixtureHistograms.load(run: 315_000) }

    func verdict(_ path: String, planned: PlannedComparison? = nil) throws -> Verdict {
        let data = try Self.data.get(), reference = try Self.reference.get()
        func lookup(_ histogram: Histogram?) -> Lookup { histogram.map(Lookup.found) ?? .absent }
        return Verdict(
            planned ?? PlannedComparison(path: path, options: ComparatorOptions(histogramName: path)),
            data: lookup(data[path]), references: [("315000", lookup(reference[path]))])
    }

    @Test func missingHistogramsGetTheirOwnStatus() throws {
        let truth = try #require(try Fixtures.truth().run(Fixtures.dataRun))
        for path in truth.missing {
            let verdict = try verdict(path)
            #expect(verdict.result.status == .missingInData)
            #expect(verdict.result.display && !verdict.result.flagged)
            #expect(verdict.result.entries.data == nil && verdict.result.entries.refs[0] != nil)
        }
        let onlyInData = try verdict("nowhere/else")
        #expect(onlyInData.result.status == .missingInData, "absent everywhere reads as missing in data")
    }

    @Test func selectiveDisplayHidesOnlyQuietResults() throws {
        let quiet = "CSC/Run summary/CSCOfflineMonitor/Kinematics/hEta"
        var planned = PlannedComparison(path: quiet, options: ComparatorOptions(histogramName: quiet))
        planned.selectiveDisplay = true
        let verdict = try verdict(quiet, planned: planned)
        #expect(verdict.result.status == .ok)
        #expect(verdict.hidden && !verdict.result.display)
        planned.alwaysShow = true
        #expect(try self.verdict(quiet, planned: planned).result.display, "always_show wins")
    }
}
