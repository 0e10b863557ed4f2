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

    @Test func exactErrorsAreCalibratedOnCleanMaps() throws {
        // With Garwood errors on the raw counts, pulls of a clean map are unit normal:
        // chi2 (Σz²/bins) near 1, unlike AutoDQM's ≈ 0.8 (its errors are about one count too wide).
        let runs = try GoldenRuns.get()
        for path in ["EMTF/Run summary/EMTFOfflineMonitor/Occupancy/hOccupancy", "GEM/Run summary/GEMOfflineMonitor/Occupancy/hEtaPhi"] {
            let data = try #require(runs.data[path]), reference = try #require(runs.references[0][path])
            let exact = PullValuesComparator().compare(data: data, references: [reference], options: .default)
            let chi2 = try #require(exact.scores["chi2"])
            #expect(chi2 > 0.85 && chi2 < 1.15, "\(path): chi2 \(chi2)")
        }
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
