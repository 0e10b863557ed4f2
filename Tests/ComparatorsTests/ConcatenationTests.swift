import Comparators
import Histogram
import TestSupport
import Testing

struct ConcatenationTests {
    @Test func appendsMapsAlongX() throws {
        let runs = try GoldenRuns.get()
        let folder = "CSC/Run summary/CSCOfflineMonitor/Occupancy/"
        let occupancy = try #require(runs.data[folder + "hOccupancy"])  // 36 × 20
        let joined = try Concatenation.concatenate([occupancy, occupancy])
        #expect(joined.xAxis.binCount == 72 && joined.yAxis?.binCount == 20)
        #expect(joined.contents[joined.globalBin(x: 37, y: 5)] == occupancy.contents[occupancy.globalBin(x: 1, y: 5)])
        #expect(joined.sumOfWeights == 2 * occupancy.sumOfWeights)
        // A map with another y binning cannot be appended.
        let other = try #require(runs.data[folder + "hEtaPhi"])
        #expect(throws: Concatenation.Failure.incompatible(index: 1)) { try Concatenation.concatenate([occupancy, other]) }
        #expect(throws: Concatenation.Failure.nothingToConcatenate) { try Concatenation.concatenate([]) }
    }

    @Test func concatenatedHistogramsAreCompared() throws {
        let runs = try GoldenRuns.get()
        let folder = "CSC/Run summary/CSCOfflineMonitor/Kinematics/"
        let data = try Concatenation.concatenate([try #require(runs.data[folder + "hPt"]), try #require(runs.data[folder + "hEta"])])
        let reference = try Concatenation.concatenate(
            [try #require(runs.references[0][folder + "hPt"]), try #require(runs.references[0][folder + "hEta"])])
        let options = ComparatorOptions(xmin: 1e9, concatenate: ["hEta"])
        let result = BetaBinomialComparator().compare(data: data, references: [reference], options: options)
        #expect(result.status == .ok && result.scores["binsUsed"] == 160)
    }
}
