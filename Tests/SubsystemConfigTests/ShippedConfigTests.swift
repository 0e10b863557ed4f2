import Comparators
import Foundation
import Histogram
import SubsystemConfig
import Testing
import TestSupport

/// The configs in `configs/` cover the fixtures' 18 subsystems and every option.
@Suite struct ShippedConfigTests {
    /// Every comparator of this build: the shipped configs name no other, and use them all.
    static let knownComparators = Set(Comparators.all.map(\.name))

    @Test func loadWithoutAnyDiagnostic() throws {
        let check = ConfigLoader.check(path: ConfigPaths.shipped, knownComparators: Self.knownComparators)
        #expect(check.diagnostics == [])
        let configs = try #require(check.configSet)
        let paths = try MatchingTests.allPaths(run: Fixtures.dataRun)
        let fixtureSubsystems = Set(paths.map { $0.split(separator: "/")[2] }.map(String.init))
        #expect(Set(configs.subsystemNames) == fixtureSubsystems)
        #expect(configs.subsystems.count == 18)
        #expect(Set(configs.onlineDataMap.keys) == fixtureSubsystems)
    }

    @Test func togetherExerciseEveryOption() throws {
        let configs = try ConfigLoader.load(path: ConfigPaths.shipped)
        let entries = configs.subsystems.flatMap(\.entries)
        #expect(entries.contains { $0.name.pattern.contains("*") })
        #expect(entries.contains { $0.name.pattern.contains("?") })
        #expect(entries.contains { $0.name.pattern.contains("[") })
        #expect(entries.contains { $0.name.pattern.contains("[!") })
        #expect(entries.contains { $0.alwaysShow })
        #expect(Set(entries.compactMap(\.normType)) == [.row, .col])
        #expect(entries.contains { $0.xLabels?.count == 36 && $0.yLabels?.count == 20 })
        #expect(entries.contains { $0.options["logy"] == .bool(true) && $0.options["logx"] == .bool(true) })
        #expect(entries.contains { $0.options["pull_cap"] == .number(5) && $0.options["chi2_cut"] == .number(3) })
        #expect(entries.contains { $0.options["plot_title"] != nil && $0.options["xaxis_title"] != nil })
        #expect(entries.contains { $0.options["yaxis_title"] != nil })
        #expect(entries.contains { $0.xMin != nil && $0.xMax != nil })
        #expect(entries.contains { $0.xMin != nil && $0.xMax == nil })
        #expect(entries.contains { !$0.concatenate.isEmpty })
        #expect(entries.contains { $0.comparators != nil })
        let cutKeys = Set(entries.flatMap(\.cuts.keys))
        #expect(cutKeys == ["ks_cut", "p_value_cut", "min_entries", "pull_cap", "chi2_cut", "pull_cut", "region_cut"])
        #expect(Set(entries.compactMap(\.poissonErrors)) == ["garwood", "autodqm"])
        #expect(configs.subsystems.contains { $0.usesSelectiveDisplay })
        #expect(configs.subsystems.contains { !$0.thresholdsFit.isEmpty })
        #expect(configs.subsystems.contains { $0.thresholdsFit.contains { $0.maxPull.count == 3 } })
        #expect(configs.subsystems.contains { $0.runRegistry != nil })
        let comparators = Set(configs.subsystems.flatMap { subsystem in subsystem.entries.flatMap { subsystem.comparators(for: $0) ?? [] } })
        #expect(comparators == Self.knownComparators)
    }

    /// The Hcal config uses the wiki's `always_draw` spelling.
    @Test func alwaysDrawIsAnAliasOfAlwaysShow() throws {
        let hcal = try #require(try ConfigLoader.load(path: ConfigPaths.shipped).subsystem(named: "Hcal"))
        #expect(hcal.entries.first { $0.path == "Kinematics/hEta" }?.alwaysShow == true)
    }

    @Test func versionIsAContentHash() throws {
        let files = [ConfigFile(name: "A.json", bytes: Array(#"{"main_gdir": "x/{0}/", "hists": []}"#.utf8))]
        let first = try #require(ConfigLoader.check(files: files).configSet?.version)
        #expect(first.count == 64)
        #expect(ConfigLoader.check(files: files).configSet?.version == first)
        var changed = files
        changed[0].bytes += Array(" ".utf8)
        #expect(ConfigLoader.check(files: changed).configSet?.version != first)
        let renamed = [ConfigFile(name: "B.json", bytes: files[0].bytes)]
        #expect(ConfigLoader.check(files: renamed).configSet?.version != first)
        #expect(try ConfigLoader.load(path: ConfigPaths.shipped).version == (try ConfigLoader.load(path: ConfigPaths.shipped)).version)
    }

    /// The web service stores configs as plain Codable values.
    @Test func roundTripsThroughJSON() throws {
        let configs = try ConfigLoader.load(path: ConfigPaths.shipped)
        let decoded = try JSONDecoder().decode(ConfigSet.self, from: JSONEncoder().encode(configs))
        #expect(decoded == configs)
    }
}
