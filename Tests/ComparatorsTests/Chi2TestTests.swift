import Comparators
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

    @Test func threeDimensionalHistogramsAreTested() throws {
        let runs = try GoldenRuns.get()
        let path = "CSC/Run summary/CSCOfflineMonitor/Volume/h3Pos"
        let data = try #require(runs.data[path]), reference = try #require(runs.references[0][path])
        let result = Chi2Comparator().compare(data: data, references: [reference], options: .default)
        #expect(result.status != .notApplicable(.unsupportedDimension))
        #expect((result.scores["ndf"] ?? 0) > 0)
    }
}
