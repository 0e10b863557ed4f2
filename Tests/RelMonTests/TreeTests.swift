import Foundation
import Histogram
import Testing
@testable import RelMon

/// A small tree whose every outcome comes from RelMon's pre-checks, so the counts and
/// rates below can be checked by hand.
struct TreeTests {
    /// Pre-checks decide every pair here; a statistical test must never be reached.
    struct NoTestExpected: RelMonStatistics {
        func chi2Probability(_ first: Histogram, _ second: Histogram, option: Chi2Option) -> Double { unexpected() }
        func kolmogorovProbability(_ first: Histogram, _ second: Histogram) -> Double { unexpected() }
        func binToBinFraction(_ first: Histogram, _ second: Histogram) -> Double { unexpected() }
        private func unexpected() -> Double {
            Issue.record("a statistical test was called")
            return .nan
        }
    }

    static func histogram(_ contents: [Double], className: String = "TH1F") throws -> Histogram {
        let axis = try Axis(binCount: contents.count - 2, lowerEdge: 0, upperEdge: Double(contents.count - 2))
        return try Histogram(className: className, axes: [axis], contents: contents, entries: contents.reduce(0, +))
    }

    static func source(_ name: String, run: Int, _ histograms: [(String, Histogram)]) -> DumpSource {
        DumpSource(FileDump(file: name, histograms: histograms.map {
            HistogramDump(path: "DQMData/Run \(run)/\($0.0)", cycle: 1, histogram: $0.1)
        }))
    }

    static func pair() throws -> (test: DumpSource, reference: DumpSource) {
        let empty = try histogram([0, 0, 0, 0, 0]), filled = try histogram([0, 4, 5, 6, 0])
        let sparse = try histogram([0, 1, 0, 0, 1]), wide = try histogram([0, 1, 2, 3, 4, 0])
        let test = source("test.root", run: 2, [
            ("A/Run summary/h_ok", empty), ("A/Run summary/h_bad", filled),
            ("A/Run summary/sub/h_null", wide), ("A/Run summary/sub/h_skip", filled),
            ("A/Run summary/sub/h_onlytest", filled),
            ("B/Run summary/h_ok2", sparse),
            ("Tracking/Run summary/h", filled),
        ])
        let reference = source("reference.root", run: 1, [
            ("A/Run summary/h_ok", empty), ("A/Run summary/h_bad", empty),
            ("A/Run summary/sub/h_null", filled), ("A/Run summary/sub/h_skip", filled),
            ("B/Run summary/h_ok2", sparse), ("B/Run summary/h_onlyref", filled),
            ("B/Run summary/onlyref_dir/h", filled),
            ("Tracking/Run summary/h", empty),
        ])
        return (test, reference)
    }

    static func compare(blacklist: String = "Track@1", histograms: String = "A/sub/h_skip") throws -> RelMonResult {
        let (test, reference) = try pair()
        let options = RelMonOptions(
            test: .chi2, directoryBlacklist: try DirectoryBlacklist(blacklist),
            histogramBlacklist: HistogramBlacklist(contents: histograms))
        return try RelMonComparer(options: options, statistics: NoTestExpected()).compare(test: test, reference: reference)
    }

    @Test func runLevelsArePairedByPositionAndRunSummaryIsPruned() throws {
        let result = try Self.compare()
        #expect(result.testFile.runDirectory == "Run 2")
        #expect(result.referenceFile.runDirectory == "Run 1")
        #expect(result.root.subdirectories.map(\.name) == ["A", "B"])
        let a = result.root.subdirectories[0]
        #expect(a.path == "A")
        #expect(a.comparisons.map(\.name) == ["h_ok", "h_bad"])
        #expect(a.comparisons[0].path == "A/Run summary/h_ok")
        #expect(a.subdirectories.map(\.path) == ["A/sub"])
    }

    @Test func statusesAndRatesAreRelMons() throws {
        let root = try Self.compare().root
        let a = root.subdirectories[0], sub = a.subdirectories[0], b = root.subdirectories[1]
        #expect(a.comparisons.map(\.status) == [.success, .fail])
        #expect(sub.comparisons.map(\.status) == [.null, .skipped])
        #expect(sub.comparisons.map(\.note) == [.differentBinning, .blacklisted])
        #expect(b.comparisons.map(\.note) == [.fewFilledBins])
        #expect(sub.totals == Tally(successes: 0, fails: 0, nulls: 1, skipped: 1, unpaired: 1))
        #expect(a.direct == Tally(successes: 1, fails: 1, nulls: 0, skipped: 0))
        #expect(a.totals == Tally(successes: 1, fails: 1, nulls: 1, skipped: 1, unpaired: 1))
        #expect(root.totals == Tally(successes: 2, fails: 1, nulls: 1, skipped: 1, unpaired: 3))
        #expect(root.totals.weight == 5)
        #expect(root.totals.rate(of: .success) == 40)
        #expect(root.totals.rate(of: .skipped) == 20)
        #expect(a.totals.rate(of: .fail) == 25)
        #expect(b.totals.rate(of: .success) == 100)
        #expect(Tally().rate(of: .success) == 0)
    }

    @Test func unpairedObjectsAreRecordedOnBothSides() throws {
        let root = try Self.compare().root
        let sub = root.subdirectories[0].subdirectories[0], b = root.subdirectories[1]
        #expect(sub.unpaired == [UnpairedObject(name: "h_onlytest", kind: "TH1F", side: .test)])
        #expect(b.unpaired == [
            UnpairedObject(name: "h_onlyref", kind: "TH1F", side: .reference),
            UnpairedObject(name: "onlyref_dir", kind: "directory", side: .reference),
        ])
    }

    @Test func blacklistingEverythingOrSharingNothingIsReported() throws {
        let everything = try Self.compare(blacklist: "A@1,B@1,Track@1")
        #expect(everything.root.totals.weight == 0)
        #expect(everything.problems == [RelMonError.everythingBlacklisted.description])
        let (test, _) = try Self.pair()
        let other = Self.source("other.root", run: 1, [("Z/h", try Self.histogram([0, 1, 0]))])
        let disjoint = try RelMonComparer(options: RelMonOptions(), statistics: NoTestExpected())
            .compare(test: test, reference: other)
        #expect(disjoint.problems == [RelMonError.nothingInCommon(test: "test.root", reference: "other.root").description])
        #expect(disjoint.root.totals.unpaired == 4)
    }

    @Test func topDirectoryMustExistInBothFiles() throws {
        let (test, reference) = try Self.pair()
        let options = RelMonOptions(topDirectory: ["Nowhere"])
        #expect(throws: RelMonError.directoryMissing(file: "test.root", path: "DQMData/Run 2/Nowhere")) {
            try RelMonComparer(options: options, statistics: NoTestExpected()).compare(test: test, reference: reference)
        }
        let onlyAOptions = RelMonOptions(topDirectory: ["A"], histogramBlacklist: HistogramBlacklist(contents: "A/sub/h_skip"))
        let onlyA = try RelMonComparer(options: onlyAOptions, statistics: NoTestExpected())
            .compare(test: test, reference: reference)
        #expect(onlyA.root.name == "A")
        #expect(onlyA.root.totals.weight == 4)
    }
}
