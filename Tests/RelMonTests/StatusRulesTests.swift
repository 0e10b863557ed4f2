import Foundation
import Histogram
import Testing
import TestSupport
@testable import RelMon

/// RelMon's rules against RelMon's own loop run on real ROOT (`relmon.golden.json`, made by
/// `Benchmarks/RelMon/relmon_pyroot.py` on the fixture runs 315705 vs 315000).
struct StatusRulesTests {
    struct GoldenPair: Decodable {
        var path: String
        var rank: Double
        var how: String
        var status: String
    }
    struct GoldenTest: Decodable { var pairs: [GoldenPair] }
    struct Golden: Decodable { var chi2: GoldenTest; var ks: GoldenTest }

    static let golden: Golden? = try? Fixtures.decodeJSON(
        Golden.self, gzipped: Fixtures.directory.appendingPathComponent("golden/relmon.golden.json.gz"))
    static let test = try? DumpSource(Fixtures.dqmGolden(315_705))
    static let reference = try? DumpSource(Fixtures.dqmGolden(315_000))

    private func histograms(_ path: String) throws -> (Histogram, Histogram) {
        let components = path.split(separator: "/").map(String.init)
        let test = try #require(Self.test), reference = try #require(Self.reference)
        return (try test.histogram(at: ["DQMData", "Run 315705"] + components),
                try reference.histogram(at: ["DQMData", "Run 315000"] + components))
    }

    @Test func chi2OptionIsTheOneRelMonChoseOnROOT() throws {
        let golden = try #require(Self.golden)
        #expect(golden.chi2.pairs.count == 287)
        for pair in golden.chi2.pairs {
            let (test, reference) = try histograms(pair.path)
            let plan = TestPlan(test: .chi2, first: test, second: reference)
            switch plan {
            case .decided(let rank, let note):
                #expect(pair.how == note.rawValue, "\(pair.path)")
                #expect(rank == pair.rank, "\(pair.path)")
            case .chi2(let first, _, let option):
                let swapped = first == reference && option == .uw
                #expect(pair.how == option.rawValue + (swapped ? " swapped" : ""), "\(pair.path)")
            default:
                Issue.record("\(pair.path): not a Chi2 plan")
            }
            #expect(RelMonStatus.decide(rank: pair.rank, threshold: 1e-5).rawValue == pair.status)
        }
    }

    /// The whole comparison of the fixture ROOT files, read by our reader and tested by the
    /// Comparators, gives RelMon's statuses and ROOT's p-values.
    @Test(arguments: [RelMonTest.chi2, .ks])
    func statusesAndRanksEqualRelMonOnROOT(_ test: RelMonTest) throws {
        let golden = try #require(Self.golden)
        let expected = test == .chi2 ? golden.chi2.pairs : golden.ks.pairs
        let result = try RelMonComparer(options: RelMonOptions(test: test, parallelism: 2), statistics: ComparatorStatistics())
            .compare(test: ROOTSource(url: Fixtures.dqmRun(315_705)), reference: ROOTSource(url: Fixtures.dqmRun(315_000)))
        let comparisons = Dictionary(result.root.allComparisons().map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(comparisons.count == expected.count)
        var declined = 0
        for pair in expected {
            let comparison = try #require(comparisons[pair.path], "\(pair.path)")
            // The Comparators have no 3D Kolmogorov test, so RelMon reports NULL there.
            if test == .ks, comparison.className == "TH3F" {
                #expect(comparison.status == .null && comparison.note == .undefined)
                declined += 1
                continue
            }
            #expect(comparison.status.rawValue == pair.status, "\(pair.path)")
            #expect(abs(comparison.rank - pair.rank) <= 1e-9 * max(1, abs(pair.rank)), "\(pair.path): \(comparison.rank) vs \(pair.rank)")
        }
        #expect(declined == (test == .ks ? 18 : 0))
    }

    @Test func twoDimensionalMapsAreTestedNotWavedThrough() throws {
        // RelMon counted filled bins along X only, so every 2D map here was a success
        // without a test; counting all bins tests them, and ROOT finds failures among them.
        let golden = try #require(Self.golden)
        let maps = golden.chi2.pairs.filter { $0.path.hasSuffix("/hOccupancy") }
        #expect(maps.count == 18)
        for pair in maps {
            let (test, reference) = try histograms(pair.path)
            guard case .chi2(_, _, .uu) = TestPlan(test: .chi2, first: test, second: reference) else {
                Issue.record("\(pair.path) not tested with UU")
                continue
            }
        }
        #expect(maps.contains { $0.status == "fail" })
    }

    @Test func fastWeightedCheckAgreesWithTheModel() throws {
        for run in [315_000, 315_705] {
            for dump in try Fixtures.dqmGolden(run).histograms {
                let histogram = try dump.histogram()
                #expect(histogram.relmonIsWeighted == histogram.isWeighted, "\(dump.path)")
            }
        }
    }

    @Test func preChecksDecideBeforeAnyTest() throws {
        let axis = try Axis(binCount: 4, lowerEdge: 0, upperEdge: 4)
        let wide = try Axis(binCount: 5, lowerEdge: 0, upperEdge: 4)
        let empty = try Histogram(className: "TH1F", axes: [axis], contents: Array(repeating: 0, count: 6), entries: 0)
        let filled = try Histogram(className: "TH1F", axes: [axis], contents: [0, 1, 2, 3, 4, 0], entries: 10)
        let double = try Histogram(className: "TH1D", axes: [axis], contents: [0, 1, 2, 3, 4, 0], entries: 10)
        let rebinned = try Histogram(className: "TH1F", axes: [wide], contents: [0, 1, 2, 3, 4, 5, 0], entries: 15)
        let sparse = try Histogram(className: "TH1F", axes: [axis], contents: [0, 1, 0, 0, 0, 1], entries: 2)
        for test in RelMonTest.allCases {
            #expect(TestPlan(test: test, first: empty, second: empty) == .decided(rank: 1, note: .bothEmpty))
            #expect(TestPlan(test: test, first: empty, second: filled) == .decided(rank: 0, note: .oneEmpty))
            #expect(TestPlan(test: test, first: filled, second: rebinned) == .decided(rank: -103, note: .differentBinning))
            #expect(TestPlan(test: test, first: filled, second: double) == .decided(rank: -104, note: .differentTypes))
        }
        #expect(TestPlan(test: .chi2, first: sparse, second: sparse) == .decided(rank: 1, note: .fewFilledBins))
        #expect(TestPlan(test: .ks, first: sparse, second: sparse) == .kolmogorov(first: sparse, second: sparse))
    }

    @Test func statusFollowsRankAndThreshold() {
        #expect(RelMonStatus.decide(rank: 1e-5, threshold: 1e-5) == .success)
        #expect(RelMonStatus.decide(rank: 0.99e-5, threshold: 1e-5) == .fail)
        #expect(RelMonStatus.decide(rank: -103, threshold: 1e-5) == .null)
        #expect(RelMonStatus.decide(rank: .nan, threshold: 1e-5) == .null)
        #expect(RelMonStatus.decide(rank: 0, threshold: 0) == .success)
    }

    @Test func absoluteValuesFollowRelMon() throws {
        let axis = try Axis(binCount: 3, lowerEdge: 0, upperEdge: 3)
        let histogram = try Histogram(
            className: "TH1F", axes: [axis], contents: [0, -2, 5, 3, 0], variances: [0, 4, 0, 3, 0], entries: 3)
        let fixed = histogram.relmonAbsoluteValues()
        #expect(fixed.contents == [0, 2, 0, 3, 0])
        let untouched = try Histogram(className: "TH1F", axes: [axis], contents: [0, 2, 5, 3, 0], entries: 10)
        #expect(untouched.relmonAbsoluteValues() == untouched)
    }
}
