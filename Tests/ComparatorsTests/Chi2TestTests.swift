import Comparators
import Foundation
import Histogram
import TestSupport
import Testing

struct Chi2TestTests {
    @Test(arguments: Chi2Test.Mode.allCases)
    func reproducesROOTOnEveryPair(mode: Chi2Test.Mode) throws {
        let runs = try GoldenRuns.get()
        var checked = 0
        for pair in runs.pairs.pairs {
            guard let data = runs.data[pair.path], let reference = runs.references[0][pair.path] else {
                Issue.record("missing histogram \(pair.path)")
                continue
            }
            // ROOT's TProfile::Chi2Test always runs the weighted-weighted test.
            let effective = data.isProfile ? .ww : mode
            let (p, perNdf): (Double?, Double?) = switch mode {
            case .uu: (pair.root.chi2UU, pair.root.chi2NdfUU)
            case .uw: (pair.root.chi2UW, pair.root.chi2NdfUW)
            case .ww: (pair.root.chi2WW, pair.root.chi2NdfWW)
            }
            guard let result = Chi2Test.run(data, reference, mode: effective) else {
                Issue.record("no chi2 result for \(pair.path)")
                continue
            }
            #expect(agreesWithROOT(result.pValue, p), "\(pair.path) \(mode): p \(result.pValue) vs \(p ?? .nan)")
            #expect(agreesWithROOT(result.chi2PerNdf, perNdf), "\(pair.path) \(mode): \(result.chi2PerNdf) vs \(perNdf ?? .nan)")
            checked += 1
        }
        #expect(checked == 269)
    }

    @Test func relMonRuleChoosesTheMode() throws {
        let runs = try GoldenRuns.get()
        let map = try #require(runs.data["CSC/Run summary/CSCOfflineMonitor/Occupancy/hOccupancy"])
        let spectrum = try #require(runs.data["CSC/Run summary/CSCOfflineMonitor/Kinematics/hPt"])
        let profile = try #require(runs.data["CSC/Run summary/CSCOfflineMonitor/Trends/pMap"])
        #expect(Chi2Comparator.arrangement(map, map).2 == .uu)
        // Entries include under/overflow, the in-range sum does not: RelMon calls it weighted.
        #expect(Chi2Comparator.arrangement(spectrum, spectrum).2 == .ww)
        #expect(Chi2Comparator.arrangement(profile, profile).2 == .ww)
    }

    struct ThreeDimensionalGolden: Decodable {
        struct Pair: Decodable {
            var path: String
            var root: [String: Double]
        }
        var pairs: [Pair]
    }

    @Test func reproducesROOTOnThreeDimensionalHistograms() throws {
        let runs = try GoldenRuns.get()
        let url = Fixtures.directory.appendingPathComponent("golden/th3-chi2.golden.json")
        let golden = try JSONDecoder().decode(ThreeDimensionalGolden.self, from: Data(contentsOf: url))
        #expect(golden.pairs.count == 18)
        for pair in golden.pairs {
            let data = try #require(runs.data[pair.path]), reference = try #require(runs.references[0][pair.path])
            #expect(data.dimension == 3)
            for mode in Chi2Test.Mode.allCases {
                let key = mode.rawValue.lowercased()
                let result = try #require(Chi2Test.run(data, reference, mode: mode))
                #expect(agreesWithROOT(result.pValue, pair.root["chi2_" + key]), "\(pair.path) \(mode)")
                #expect(agreesWithROOT(result.chi2PerNdf, pair.root["chi2ndf_" + key]), "\(pair.path) \(mode)")
            }
        }
    }
}
