import Comparators
import SubsystemConfig
import Testing

/// Existing AutoDQM configs load unchanged.
@Suite struct AutoDQMConfigTests {
    @Test func currentFormatLoadsWithEveryKeyInterpreted() throws {
        let configs = try ConfigLoader.load(path: ConfigPaths.autodqmCurrent)
        #expect(configs.subsystemNames == ["CSC", "DT_DOC1", "HCAL", "L1T_shift"])
        #expect(configs.warnings.isEmpty)
        #expect(configs.onlineDataMap["DT_DOC3"] == "DT" && configs.onlineDataMap.count == 14)

        let csc = try #require(configs.subsystem(named: "CSC"))
        #expect(csc.mainDirectory(run: 315705) == "DQMData/Run 315705/CSC/Run summary/CSCOfflineMonitor/")
        #expect(csc.comparators == ["pca", "beta_binomial"])
        #expect(csc.runRegistry == "csc")
        #expect(csc.entries.map(\.path) == ["Occupancy/hORecHits", "recHits/hRHGlobal*", "recHits/hRHnrechits",
                                            "Digis/hWireTBin_*", "Digis/hStripNFired"])
        #expect(csc.entries[0].normType == .row && csc.entries[0].directory == "Occupancy")
        #expect(csc.entries[1].name.isWildcard && !csc.entries[0].name.isWildcard)
        #expect(csc.entries[2].alwaysShow && csc.entries[2].modelDirectory == "CSC")
        #expect(!csc.entries[3].alwaysShow)

        let hcal = try #require(configs.subsystem(named: "HCAL"))
        #expect(hcal.comparators(for: hcal.entries[0]) == ["pca", "beta_binomial"])
        #expect(hcal.entries[0].directory == "TimingCut/SubdetPM")

        let l1t = try #require(configs.subsystem(named: "L1T_shift"))
        #expect(l1t.description == "L1T Online DQM plots found in Shift workspace")
        #expect(l1t.entries[0].options == ["logx": .bool(true), "logy": .bool(true)])
        #expect(l1t.entries[1].xMin == 60 && l1t.entries[1].xMax == nil)
        #expect(l1t.entries[2].concatenate == ["muons_eta_phi_bx_firstbunch_minus1", "muons_eta_phi_bx_firstbunch_minus2"])
        #expect(l1t.entries[2].options == ["pull_cap": .number(5), "chi2_cut": .number(3), "pull_cut": .number(5)])

        let dt = try #require(configs.subsystem(named: "DT_DOC1"))
        #expect(dt.selectiveDisplay == ["BB_Chi2_1.0", "BB_MaxPull_1.0"] && dt.usesSelectiveDisplay)
        #expect(dt.thresholdsFit == [
            ThresholdFit(name: "TimeBox", maxPull: [5.1, 0.6], chi2: [5.1, 0.6]),
            ThresholdFit(name: "TM", maxPull: [10, 2], chi2: [10, 2]),
            ThresholdFit(name: "Occupancy", maxPull: [14, 4], chi2: [4, 1]),
        ])
        #expect(dt.entries[0].directory == "01-Digi/Wheel-2/Sector1/Station1")
    }

    @Test func legacySingleFileLoads() throws {
        let configs = try ConfigLoader.load(path: ConfigPaths.autodqmLegacy)
        #expect(configs.subsystemNames == ["CSC", "EMTF"])
        let csc = try #require(configs.subsystem(named: "CSC"))
        #expect(csc.file == "configs.json")
        #expect(csc.entries[1].alwaysShow)
        #expect(csc.entries[2].cuts == ["ks_cut": 0])
        #expect(csc.comparators(for: csc.entries[0]) == nil)
        #expect(configs.subsystem(named: "EMTF")?.entries[0].name.pattern == "cscLCTTimingBX*")
    }

    @Test func unknownComparatorsAreWarningsOnlyWhenNamesAreKnown() throws {
        let known: Set = ["beta_binomial", "pull_values", "ks_test", "chi2_test", "bin_to_bin"]
        let configs = try ConfigLoader.load(path: ConfigPaths.autodqmCurrent, knownComparators: known)
        #expect(configs.warnings.map(\.description) == [
            "\(ConfigPaths.autodqmCurrent)/CSC.json:1:19: warning: unknown comparator \"pca\"",
            "\(ConfigPaths.autodqmCurrent)/HCAL.json:5:42: warning: unknown comparator \"pca\"",
        ])
    }
}
