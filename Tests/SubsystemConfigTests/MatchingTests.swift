import Histogram
import SubsystemConfig
import Testing
import TestSupport

@Suite struct MatchingTests {
    /// The histogram paths of one fixture run relative to a subsystem's main directory,
    /// with the scalar `TObjString` keys a real file also lists.
    static func paths(run: Int, subsystem: Subsystem) throws -> [String] {
        let prefix = subsystem.mainDirectory(run: run)
        return try allPaths(run: run).filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
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
        #expect(plan.unmatched.map { "\($0.path) in \($0.source)" } == [
            "a/h1 in reference 2", "a/g* in reference 2", "b/h in data", "b/h in reference 2",
        ])
    }
}
