import Comparators
import Histogram
import TestSupport
import Testing

struct PullValuesTests {
    @Test func reproducesAutoDQMWithItsErrors() throws {
        let runs = try GoldenRuns.get()
        var checked = 0
        let options = ComparatorOptions(poissonErrors: .autodqm)
        for pair in runs.pairs.pairs {
            guard let golden = pair.autodqm.pullValues, let data = runs.data[pair.path],
                  let reference = runs.references[0][pair.path] else { continue }
            let result = PullValuesComparator().compare(data: data, references: [reference], options: options)
            #expect(agreesToTwoDecimals(result.scores["chi2"], golden.chi2), "\(pair.path): chi2 \(result.scores["chi2"] ?? .nan) vs \(golden.chi2 ?? .nan)")
            #expect(agreesToTwoDecimals(result.scores["maxPull"], golden.maxPull), "\(pair.path): max pull \(result.scores["maxPull"] ?? .nan) vs \(golden.maxPull ?? .nan)")
            #expect(result.show == golden.show, "\(pair.path): show \(result.show) vs \(golden.show)")
            checked += 1
        }
        #expect(checked == 90)
    }

    @Test func exactPoissonErrorsAreGarwood() throws {
        let runs = try GoldenRuns.get()
        let path = "CSC/Run summary/CSCOfflineMonitor/Occupancy/hOccupancy"
        let data = try #require(runs.data[path]), reference = try #require(runs.references[0][path])
        let exact = PullValuesComparator().compare(data: data, references: [reference], options: .default)
        let approximate = PullValuesComparator().compare(data: data, references: [reference], options: ComparatorOptions(poissonErrors: .autodqm))
        // Same map, different errors: close but not identical scores.
        let chi2 = try #require(exact.scores["chi2"]), approximateChi2 = try #require(approximate.scores["chi2"])
        #expect(chi2 != approximateChi2 && abs(chi2 - approximateChi2) < 0.1 * approximateChi2)
    }

    @Test func rowAndColumnNormalisationScaleEachLine() throws {
        let runs = try GoldenRuns.get()
        let path = "EMTF/Run summary/EMTFOfflineMonitor/Occupancy/hOccupancy"
        let data = try #require(runs.data[path]), reference = try #require(runs.references[0][path])
        for norm in [ComparatorOptions.NormType.row, .col] {
            let result = PullValuesComparator().compare(data: data, references: [reference], options: ComparatorOptions(normType: norm))
            #expect(result.status == .ok, "\(norm): \(result.info)")
            #expect((result.scores["chi2"] ?? 99) < 2)
        }
    }

    @Test func onlyTwoDimensionalMaps() throws {
        let runs = try GoldenRuns.get()
        let path = "CSC/Run summary/CSCOfflineMonitor/Kinematics/hPt"
        let data = try #require(runs.data[path])
        #expect(PullValuesComparator().compare(data: data, references: [data], options: .default).status == .notApplicable(.unsupportedDimension))
    }
}
