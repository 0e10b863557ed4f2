import Comparators
import Histogram
import TestSupport
import Testing

struct KolmogorovTestTests {
    @Test func reproducesROOTOnEveryPair() throws {
        let runs = try GoldenRuns.get()
        var checked = 0
        for pair in runs.pairs.pairs {
            guard let data = runs.data[pair.path], let reference = runs.references[0][pair.path] else {
                Issue.record("missing histogram \(pair.path)")
                continue
            }
            guard let result = KolmogorovTest.run(data, reference) else {
                Issue.record("no KS result for \(pair.path)")
                continue
            }
            #expect(agreesWithROOT(result.probability, pair.root.ks), "\(pair.path): \(result.probability) vs \(pair.root.ks ?? .nan)")
            #expect(agreesWithROOT(result.maxDistance, pair.root.ksM), "\(pair.path) M: \(result.maxDistance) vs \(pair.root.ksM ?? .nan)")
            checked += 1
        }
        #expect(checked == 269)
    }

    @Test func comparatorReportsEmptyAndMissingInputs() throws {
        let runs = try GoldenRuns.get()
        let path = "CSC/Run summary/CSCOfflineMonitor/Kinematics/hPt"
        let data = try #require(runs.data[path])
        let empty = try Histogram(className: "TH1F", axes: data.axes, contents: Array(repeating: 0, count: data.cellCount), entries: 0)
        let ks = KolmogorovComparator()
        #expect(ks.compare(data: empty, references: [data], options: .default).status == .notApplicable(.emptyData))
        #expect(ks.compare(data: data, references: [empty], options: .default).status == .notApplicable(.emptyReference))
        #expect(ks.compare(data: data, references: [], options: .default).status == .notApplicable(.missingReference))
        let other = try #require(runs.data["CSC/Run summary/CSCOfflineMonitor/Kinematics/hEta"])
        #expect(ks.compare(data: data, references: [other], options: .default).status == .notApplicable(.incompatibleBinning))
        #expect(ks.compare(data: data, references: [runs.references[0][path]!], options: .default).status == .ok)
    }
}
