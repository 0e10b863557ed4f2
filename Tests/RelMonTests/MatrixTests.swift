import Foundation
import Testing
@testable import RelMon

struct MatrixTests {
    @Test func fileNamesFollowTheDQMConvention() throws {
        let name = try #require(DQMFileName(
            fileName: "DQM_V0002_R000000001__RelValTTbar_14TeV__CMSSW_14_1_0_pre2-PU_140X_mcRun3_2024_realistic_v7-v3__DQMIO.root"))
        #expect(name.dqmVersion == 2 && name.run == 1 && name.processingVersion == 3)
        #expect(name.sample == "RelValTTbar_14TeV" && name.release == "CMSSW_14_1_0_pre2" && name.tier == "DQMIO")
        #expect(name.processing == "PU_140X_mcRun3_2024_realistic_v7")
        #expect(name.reportName == "RelValTTbar_14TeV_PU_140X_mcRun3_2024_realistic_v7")
        let data = try #require(DQMFileName(fileName: "DQM_V0001_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root"))
        #expect(data.reportName == "ZeroBias_PromptReco_315705")
        #expect(DQMFileName(fileName: "histos.root") == nil)
        #expect(DQMFileName(fileName: "DQM_V0001_R1__a__b.root") == nil)
    }

    @Test func pairsBySampleKeepingTheNewestVersion() {
        func url(_ name: String) -> URL { URL(fileURLWithPath: "/x/\(name)") }
        let tests = [
            "DQM_V0001_R000000001__RelValA__CMSSW_2-GT-v1__DQMIO.root",
            "DQM_V0001_R000000001__RelValA__CMSSW_2-GT-v2__DQMIO.root",
            "DQM_V0001_R000000001__RelValB__CMSSW_2-GT-v1__DQMIO.root",
            "DQM_V0001_R000000001__RelValOnlyTest__CMSSW_2-GT-v1__DQMIO.root",
            "notes.root",
        ].map(url)
        let references = [
            "DQM_V0001_R000000001__RelValA__CMSSW_1-GT-v1__DQMIO.root",
            "DQM_V0003_R000000001__RelValB__CMSSW_1-GT-v1__DQMIO.root",
            "DQM_V0001_R000000001__RelValB__CMSSW_1-GT-v1__DQMIO.root",
            "DQM_V0001_R000000001__RelValOnlyRef__CMSSW_1-GT-v1__DQMIO.root",
        ].map(url)
        let pairing = MatrixPairing(testFiles: tests, referenceFiles: references)
        #expect(pairing.pairs.map(\.name) == ["RelValA_GT", "RelValB_GT"])
        #expect(pairing.pairs[0].test == tests[1])
        #expect(pairing.pairs[1].reference == references[1])
        #expect(pairing.unmatched == [tests[3], references[3]])
        #expect(pairing.ignored == [tests[4]])
    }

    @Test func dataRunsPairByRunOrAloneWhateverTheirNumbers() {
        func url(_ name: String) -> URL { URL(fileURLWithPath: "/x/\(name)") }
        let tests = [
            "DQM_V0001_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root",
            "DQM_V0001_R000316000__JetHT__Run2018A-PromptReco-v1__DQMIO.root",
            "DQM_V0001_R000316001__JetHT__Run2018A-PromptReco-v1__DQMIO.root",
        ].map(url)
        let references = [
            "DQM_V0001_R000315000__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root",
            "DQM_V0001_R000316001__JetHT__Run2018A-PromptReco-v2__DQMIO.root",
            "DQM_V0001_R000316002__JetHT__Run2018A-PromptReco-v1__DQMIO.root",
        ].map(url)
        let pairing = MatrixPairing(testFiles: tests, referenceFiles: references)
        #expect(pairing.pairs.map(\.name) == ["JetHT_PromptReco_316001", "ZeroBias_PromptReco_315705"])
        #expect(pairing.pairs.map(\.reference) == [references[1], references[0]])
        #expect(pairing.unmatched == [tests[1], references[2]])
    }

    @Test func oneBadPairDoesNotStopTheOthers() throws {
        let folder = try ReportTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pairs = (1...5).map { MatrixPair(name: "S\($0)", test: URL(fileURLWithPath: "/t\($0)"), reference: URL(fileURLWithPath: "/r\($0)")) }
        let samples = MatrixRunner(jobs: 2) { pair, output in
            if pair.name == "S3" { throw RelMonError.unreadable(file: pair.test.path, reason: "not a ROOT file") }
            let result = try TreeTests.compare()
            try PairReport(result: result).write(to: output)
            return result
        }.run(pairs, output: folder)
        #expect(samples.map(\.name) == ["S1", "S2", "S3", "S4", "S5"])
        #expect(samples.filter { $0.error != nil }.map(\.name) == ["S3"])
        #expect(samples[0].directories.map(\.name) == ["A", "B"])
        let summary = MatrixSummary(title: "T<1>", test: .chi2, threshold: 1e-5, samples: samples, unmatched: [])
        #expect(summary.totals.weight == 20)
        let categories = summary.categories
        #expect(categories.map(\.name) == ["A", "B"])
        #expect(categories[0].averageSuccess == 0.25 && categories[1].averageSuccess == 1)
        try MatrixReport(summary: summary).write(to: folder)
        let html = try String(contentsOf: folder.appendingPathComponent(MatrixReport.page), encoding: .utf8)
        #expect(html.contains("T&lt;1&gt;") && html.contains("/t3: cannot be read: not a ROOT file"))
        for link in ReportTests.links(in: html) {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(link).path), "\(link)")
        }
        #expect(try MatrixSummary.read(from: folder.appendingPathComponent(MatrixSummary.file)) == summary)
    }
}
