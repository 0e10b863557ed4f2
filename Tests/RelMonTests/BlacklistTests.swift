import Testing
@testable import RelMon

struct BlacklistTests {
    @Test func namesMatchAsRegexSubstringsBothWays() throws {
        let blacklist = try DirectoryBlacklist("Track@1,HLTJETMET@1")
        #expect(blacklist.contains("Tracking", depth: 1, mother: ""))
        #expect(blacklist.contains("TrackerDigisV", depth: 1, mother: ""))
        #expect(!blacklist.contains("Tracking", depth: 2, mother: "Run summary"))
        #expect(blacklist.contains("HLT", depth: 1, mother: ""))
        #expect(!blacklist.contains("Ecal", depth: 1, mother: ""))
    }

    @Test func negativeLevelsMatchEveryDepthButTheTop() throws {
        let blacklist = try DirectoryBlacklist("By__Lumi__Section@-1")
        #expect(blacklist.entries == [.init(name: "By Lumi Section", depth: -1, mother: nil)])
        #expect(blacklist.contains("By Lumi Section", depth: 3, mother: "X"))
        #expect(blacklist.contains("By Lumi Section", depth: 1, mother: nil))
        #expect(!blacklist.contains("By Lumi Section", depth: 0, mother: nil))
    }

    @Test func anEmptyNameAtLevelZeroDropsTheTop() throws {
        let blacklist = try DirectoryBlacklist("@0")
        #expect(blacklist.contains("", depth: 0, mother: nil))
        #expect(!blacklist.contains("Ecal", depth: 1, mother: ""))
    }

    @Test func motherRestrictsTheMatch() throws {
        let blacklist = try DirectoryBlacklist("DQM/TimerService@2")
        #expect(blacklist.contains("TimerService", depth: 2, mother: "DQM"))
        #expect(!blacklist.contains("TimerService", depth: 2, mother: "Other"))
    }

    @Test func duplicatesAreDroppedAndMistakesNamed() throws {
        #expect(try DirectoryBlacklist("FED@1, FED@1,HLT@1").entries.count == 2)
        #expect(throws: RelMonError.malformedBlacklist(entry: "FED", reason: "expected NAME@LEVEL")) {
            try DirectoryBlacklist("FED")
        }
        #expect(throws: RelMonError.malformedBlacklist(entry: "FED@one", reason: "the level is not an integer")) {
            try DirectoryBlacklist("FED@one")
        }
        #expect(throws: RelMonError.self) { try DirectoryBlacklist("(unclosed@1") }
    }

    @Test func histogramFileGetsRunSummaryInserted() {
        let blacklist = HistogramBlacklist(contents: """
            Hcal/DeadCellMonitor_Hcal/TotalDeadCells_HB_vs_LS
            # a comment

            Info/h
            """)
        #expect(blacklist.paths == [
            "Hcal/Run summary/DeadCellMonitor_Hcal/TotalDeadCells_HB_vs_LS", "Info/Run summary/h",
        ])
        #expect(blacklist.contains("Info/Run summary/h"))
        #expect(!blacklist.contains("Info/h"))
    }
}
