import SubsystemConfig
import Testing

@Suite struct ComparatorParametersTests {
    static func subsystem(_ text: String) throws -> Subsystem {
        try #require(ConfigLoader.check(files: [ConfigFile(name: "DT.json", bytes: Array(text.utf8))]).configSet?.subsystems.first)
    }

    @Test func optsOverrideDirectCutsWhichOverrideFittedThresholds() throws {
        let dt = try Self.subsystem(#"""
            {"main_gdir": "R {0}/", "thresholds_fit": [{"name": "Occupancy", "param_MaxPull": [14, 4], "param_Chi2": [4, 1]}],
             "hists": [{"path": "a/hOccupancy*", "pull_cut": 12, "min_entries": 100, "opts": ["pull_cut=8", "logy"]},
                       {"path": "a/hTime"}]}
            """#)
        #expect(dt.parameters(for: dt.entries[0], histogramName: "hOccupancyW1", referenceCount: 1) == [
            "chi2_cut": .number(4), "pull_cut": .number(8), "min_entries": .number(100), "logy": .bool(true),
        ])
        #expect(dt.parameters(for: dt.entries[1], histogramName: "hTime", referenceCount: 3) == [:])
    }
}
