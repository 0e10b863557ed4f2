import Histogram
import SubsystemConfig
import Testing
import TestSupport

@Suite struct MatchingTests {
    /// The histogram paths of one fixture run relative to a subsystem's main directory,
    /// with the scalar `TObjString` keys a real file also lists.
    static func paths(run: Int, subsystem: Subsystem) throws -> [String] {
        subsystem.relativePaths(try allPaths(run: run), run: run)
    }

    /// Every path of a fixture run; the goldens are large, so each is decoded once.
    static func allPaths(run: Int) throws -> [String] {
        let dump = try run == Fixtures.dataRun ? dataGolden.get() : referenceGolden.get()
        return dump.histograms.map(\.path) + dump.strings.map(\.path)
    }

    static let dataGolden = Result { try Fixtures.dqmGolden(Fixtures.dataRun) }
    static let referenceGolden = Result { try Fixtures.dqmGolden(Fixtures.referenceRuns[0]) }

    @Test func shippedConfigsSelectTheFixtureHistograms() throws {
        let configs = try ConfigLoader.load(path: ConfigPaths.shipped)
        var planned = 0
        for subsystem in configs.subsystems {
            let data = try Self.paths(run: Fixtures.dataRun, subsystem: subsystem)
            let reference = try Self.paths(run: Fixtures.referenceRuns[0], subsystem: subsystem)
            #expect(!data.isEmpty, "\(subsystem.name)")
            let plan = subsystem.plan(data: data, references: [reference])
            planned += plan.histograms.count
            #expect(plan.histograms.allSatisfy { $0.missingInReferences.isEmpty && !$0.path.contains("<") })
            #expect(plan.histograms.allSatisfy { $0.missingConcatenated.isEmpty })
            // Only SiStrip's Quality/hChi2 is absent (from the data run, per truth.json).
            let expected = subsystem.name == "SiStrip"
                ? [UnmatchedEntry(entryIndex: 1, path: "Quality/hChi2", source: .data)] : []
            #expect(plan.unmatched == expected, "\(subsystem.name)")
        }
        #expect(planned > 200)
    }

    @Test func globsSelectExactlyTheNamedHistograms() throws {
        let gem = try #require(try ConfigLoader.load(path: ConfigPaths.shipped).subsystem(named: "GEM"))
        let matches = gem.matches(in: try Self.paths(run: Fixtures.dataRun, subsystem: gem))
        #expect(matches[0] == ["Kinematics/hEta", "Kinematics/hPhi"])  // h???
        #expect(matches[1] == ["Kinematics/hPt"])  // hP?
        #expect(matches[2] == ["Quality/hChi2", "Quality/hNhits", "Quality/hResidual"])  // h[CNR]*
        #expect(matches[3] == ["Quality/hStatus"])
    }

    /// AutoDQM accepts any name containing the text before the first `*`; the glob does not.
    @Test func globIsStricterThanAutoDQMsSubstringRule() throws {
        let files = [ConfigFile(name: "X.json", bytes: Array(#"""
            {"main_gdir": "Run {0}/", "hists": [{"path": "d/hPt*"}, {"path": "d/h*Map"}, {"path": "d/*"}]}
            """#.utf8))]
        let subsystem = try #require(ConfigLoader.check(files: files).configSet?.subsystems.first)
        let paths = ["d/hPt", "d/hPtEta", "d/xhPt", "d/hDigiMap", "d/hDigiMapRatio", "d/sub/hPt2",
                     "d/<iRun>i=1</iRun>", "e/hPt"]
        #expect(subsystem.matches(in: paths) == [
            ["d/hPt", "d/hPtEta"], ["d/hDigiMap"], ["d/hDigiMap", "d/hDigiMapRatio", "d/hPt", "d/hPtEta", "d/xhPt"],
        ])
        #expect(subsystem.matches(in: paths, mode: .autodqmSubstring) == [
            ["d/hPt", "d/hPtEta", "d/xhPt"],
            ["d/hDigiMap", "d/hDigiMapRatio", "d/hPt", "d/hPtEta", "d/xhPt"],
            ["d/hDigiMap", "d/hDigiMapRatio", "d/hPt", "d/hPtEta", "d/xhPt"],
        ])
    }

    @Test func runNumbersComeFromTheTopDirectory() {
        #expect(DQMRunDirectory.run(ofPath: "DQMData/Run 315705/CSC/Run summary/x") == 315705)
        #expect(DQMRunDirectory.run(ofPath: "DQMData/Run x/CSC") == nil)
        #expect(DQMRunDirectory.run(ofPath: "Other/Run 1/CSC") == nil)
    }

    @Test func reportsUnmatchedEntriesPerFile() throws {
        let files = [ConfigFile(name: "X.json", bytes: Array(#"""
            {"main_gdir": "Run {0}/", "hists": [{"path": "a/h1", "concatenate": ["h2"]}, {"path": "a/g*"}, {"path": "b/h"}]}
            """#.utf8))]
        let subsystem = try #require(ConfigLoader.check(files: files).configSet?.subsystems.first)
        let plan = subsystem.plan(data: ["a/h1", "a/h2", "a/g1"], references: [["a/h1", "a/g1", "b/h"], ["a/h2"]])
        #expect(plan.histograms == [
            PlannedHistogram(entryIndex: 0, path: "a/h1", missingInReferences: [1], missingConcatenated: ["a/h2"]),
            PlannedHistogram(entryIndex: 1, path: "a/g1", missingInReferences: [1], missingConcatenated: []),
        ])
        #expect(plan.report(for: subsystem) == """
            X: 3 entries select 2 histograms
              a/h1: matches nothing in reference 2
              a/g*: matches nothing in reference 2
              b/h: matches nothing in data
              b/h: matches nothing in reference 2
              a/h1: missing in reference 2
              a/h1: concatenated a/h2 is missing from the data or a reference
              a/g1: missing in reference 2

            """)
    }
}

extension MatchingTests {
    /// AutoDQM's EMTF config names `cscDQMOccupancy` right in the main directory.
    @Test func entriesWithoutADirectoryMatchTopLevelHistograms() throws {
        let files = [ConfigFile(name: "EMTF.json", bytes: Array(#"""
            {"main_gdir": "DQMData/Run {0}/L1T/Run summary/L1TStage2EMTF/",
             "hists": [{"path": "cscDQMOccupancy"}, {"path": "emtf*"}]}
            """#.utf8))]
        let emtf = try #require(ConfigLoader.check(files: files).configSet?.subsystems.first)
        #expect(emtf.entries[0].directory == "")
        let paths = emtf.relativePaths([
            "DQMData/Run 7/L1T/Run summary/L1TStage2EMTF/cscDQMOccupancy",
            "DQMData/Run 7/L1T/Run summary/L1TStage2EMTF/emtfTrackBX",
            "DQMData/Run 7/L1T/Run summary/L1TStage2EMTF/Timing/emtfTiming",
            "DQMData/Run 7/L1T/Run summary/L1TStage2uGMT/emtfOther",
        ], run: 7)
        #expect(emtf.matches(in: paths) == [["cscDQMOccupancy"], ["emtfTrackBX"]])
    }
}
