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
        #expect(dt.thresholdsFit.map(\.name) == ["TimeBox", "TM", "Occupancy"])
        #expect(dt.entries[0].directory == "01-Digi/Wheel-2/Sector1/Station1")
    }

    /// Reference §3.1.5: "Occupancy" with n = 1 gives pull_cut 30, chi2_cut 4.0; n = 4 gives 19.5 and 1.6.
    @Test func thresholdFitsGiveAutoDQMsCuts() throws {
        let dt = try #require(try ConfigLoader.load(path: ConfigPaths.autodqmCurrent).subsystem(named: "DT_DOC1"))
        let fit = try #require(dt.thresholdFit(forHistogram: "OccupancyAllHits_perCh_W-2"))
        #expect(fit.name == "Occupancy")
        #expect(fit.cuts(referenceCount: 1) == (chi2Cut: 4.0, pullCut: 30))
        let four = fit.cuts(referenceCount: 4)
        #expect(abs(four.chi2Cut - 1.6) < 1e-12 && four.pullCut == 19.5)
        // "TM" is a substring of "TimeBox_TM": the last family that matches wins, as in AutoDQM.
        #expect(dt.thresholdFit(forHistogram: "TimeBox_TM")?.name == "TM")
        #expect(dt.thresholdFit(forHistogram: "hResDist") == nil)
        #expect(ThresholdFit(name: "x", maxPull: [100, 10], chi2: [1, 1]).cuts(referenceCount: 1).pullCut == 36)
    }

    @Test func legacySingleFileLoads() throws {
        let configs = try ConfigLoader.load(path: ConfigPaths.autodqmLegacy)
        #expect(configs.subsystemNames == ["CSC", "EMTF"])
        let csc = try #require(configs.subsystem(named: "CSC"))
        #expect(csc.file == "configs.json")
        #expect(csc.entries[1].alwaysShow)
        #expect(csc.entries[2].cuts == ["ks_cut": 0])
        #expect(csc.comparators(for: csc.entries[0]) == Subsystem.defaultComparators)
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
