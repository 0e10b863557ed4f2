import Comparators
import Foundation
import Histogram
import TestSupport
import Testing

/// What every registered comparator promises: a clear status instead of a wrong number.
struct ComparatorContractTests {
    static let names = Comparators.all.map(\.name)

    /// A histogram of each kind from the fixtures, with its reference.
    static func samples() throws -> [(data: Histogram, reference: Histogram)] {
        let runs = try GoldenRuns.get()
        let folder = "CSC/Run summary/CSCOfflineMonitor/"
        return try ["Kinematics/hPt", "Occupancy/hOccupancy", "Volume/h3Pos", "Trends/pMeanVsLS", "Trends/pMap"].map {
            (try #require(runs.data[folder + $0]), try #require(runs.references[0][folder + $0]))
        }
    }

    @Test func registryFindsEveryComparatorByName() {
        #expect(Set(Self.names).count == Self.names.count)
        for name in Self.names { #expect(Comparators.named(name)?.name == name) }
        #expect(Comparators.named("no such comparator") == nil)
    }

    @Test(arguments: names)
    func missingReferencesAreReported(name: String) throws {
        let comparator = try #require(Comparators.named(name))
        for (data, _) in try Self.samples() {
            let status = comparator.compare(data: data, references: [], options: .default).status
            #expect(status == .notApplicable(.missingReference) || isUnsupported(status), "\(name) on \(data.className): \(status)")
        }
    }

    @Test(arguments: names)
    func emptyDataIsNeverJudgedLikeData(name: String) throws {
        let comparator = try #require(Comparators.named(name))
        for (data, reference) in try Self.samples() {
            let empty = try Histogram(
                className: data.className, axes: data.axes, contents: Array(repeating: 0, count: data.cellCount),
                binEntries: data.binEntries.map { Array(repeating: 0, count: $0.count) }, entries: 0)
            let result = comparator.compare(data: empty, references: [reference], options: .default)
            // bin_to_bin is a regression check: an emptied histogram differs from its reference.
            let expected: Set<Status> = name == "bin_to_bin" ? [.flagged] : [.notApplicable(.emptyData)]
            #expect(expected.contains(result.status) || isUnsupported(result.status), "\(name) on \(data.className): \(result.status)")
        }
    }

    @Test(arguments: names)
    func differentBinningAndNaNAreReported(name: String) throws {
        let comparator = try #require(Comparators.named(name))
        let (data, _) = try Self.samples()[0]
        let other = try #require(try GoldenRuns.get().data["CSC/Run summary/CSCOfflineMonitor/Kinematics/hEta"])
        let binning = comparator.compare(data: data, references: [other], options: .default).status
        #expect(binning == .notApplicable(.incompatibleBinning) || isUnsupported(binning), "\(name): \(binning)")
        var contents = data.contents
        contents[5] = .nan
        let broken = try Histogram(className: data.className, axes: data.axes, contents: contents, entries: data.entries)
        let nan = comparator.compare(data: broken, references: [data], options: .default).status
        #expect(nan == .notApplicable(.notFinite) || isUnsupported(nan), "\(name): \(nan)")
    }

    @Test func resultsAreCodableValues() throws {
        let (data, reference) = try Self.samples()[1]
        let result = BetaBinomialComparator().compare(data: data, references: [reference], options: .default)
        let decoded = try JSONDecoder().decode(Comparison.self, from: JSONEncoder().encode(result))
        #expect(decoded == result)
        #expect(result.drawables.map(\.role) == [.pulls, .reference])
    }

    @Test func binToBinCountsIdenticalBins() throws {
        let (data, reference) = try Self.samples()[0]
        let same = BinToBinComparator().compare(data: data, references: [data], options: .default)
        #expect(same.status == .ok && same.scores["identicalFraction"] == 1)
        let different = BinToBinComparator().compare(data: data, references: [reference], options: .default)
        #expect(different.flagged && (different.scores["identicalFraction"] ?? 1) < 0.5)
    }

    @Test func profilesAreComparedAsMeans() throws {
        let (profile, reference) = try Self.samples()[4]
        let clean = ProfileComparator().compare(data: profile, references: [reference], options: .default)
        #expect(clean.status == .ok, "\(clean.info)")
        // Shift every mean by five of its errors: the comparison must notice.
        let shifted = try Histogram(
            className: profile.className, axes: profile.axes,
            contents: profile.contents.indices.map { profile.contents[$0] + 5 * profile.error(atGlobalBin: $0) },
            variances: profile.variances, binEntries: profile.binEntries, entries: profile.entries)
        #expect(ProfileComparator().compare(data: shifted, references: [reference], options: .default).flagged)
    }

    private func isUnsupported(_ status: Status) -> Bool {
        status == .notApplicable(.unsupportedDimension) || status == .notApplicable(.unsupportedType)
    }
}

