import DQMClient
import Foundation
import TestSupport
import Testing

@Suite struct RunCatalogTests {
    @Test func localFixtureDirectoryListsSeriesSamplesAndRuns() async throws {
        let catalog = RunCatalog(source: LocalDirectorySource(root: Fixtures.dqmServerRoot))
        #expect(try await catalog.series() == ["Run2018"])
        #expect(try await catalog.samples(series: "Run2018") == ["ZeroBias"])
        let runs = try await catalog.runs(series: "Run2018", sample: "ZeroBias")
        #expect(runs.map(\.run) == [315_000, 315_100, 315_200, 315_705])
        let file = try await catalog.runFile(series: "Run2018", sample: "ZeroBias", run: 315_705)
        #expect(file.path == "OfflineData/Run2018/ZeroBias/0003157xx/DQM_V0001_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root")
        #expect(file.size == Int64(try Data(contentsOf: Fixtures.dqmRun(315_705)).count))
        await #expect(throws: DQMClientError.self) { try await catalog.runFile(series: "Run2018", sample: "ZeroBias", run: 999_999) }
        await #expect(throws: DQMClientError.invalidName("..")) { try await catalog.runs(series: "..", sample: "ZeroBias") }
    }

    @Test func newestVersionWinsAndPromptRecoIsPreferred() async throws {
        let root = try temporaryDirectory("catalog")
        defer { try? FileManager.default.removeItem(at: root) }
        let block = root.appendingPathComponent("OfflineData/Run2018/ZeroBias/0003157xx")
        try FileManager.default.createDirectory(at: block, withIntermediateDirectories: true)
        let names = [
            "DQM_V0001_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root",
            "DQM_V0003_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root",
            "DQM_V0002_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root",
            "DQM_V0001_R000315705__ZeroBias__Run2018A-17Sep2018-v1__DQMIO.root",
            "DQM_V0001_R000315706__ZeroBias__Run2018A-17Sep2018-v1__DQMIO.root",
            "not-a-dqm-file.root",
        ]
        for name in names { try Data(name.utf8).write(to: block.appendingPathComponent(name)) }
        let catalog = RunCatalog(source: LocalDirectorySource(root: root))
        let runs = try await catalog.runs(series: "Run2018", sample: "ZeroBias")
        #expect(runs.map(\.name.fileName) == [
            "DQM_V0001_R000315705__ZeroBias__Run2018A-17Sep2018-v1__DQMIO.root",
            "DQM_V0003_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root",
            "DQM_V0001_R000315706__ZeroBias__Run2018A-17Sep2018-v1__DQMIO.root",
        ])
        let chosen = try await catalog.runFile(series: "Run2018", sample: "ZeroBias", run: 315_705)
        #expect(chosen.name.fileName == "DQM_V0003_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root")
    }
}

@Suite struct OtherRootsTests {
    private func layout(_ files: [String]) throws -> URL {
        let root = try temporaryDirectory("roots")
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        return root
    }

    @Test func relValReleasesListDatasetsAsSamples() async throws {
        let root = try layout([
            "RelValData/CMSSW_12_6_x/DQM_V0001_R000320822__JetHT__CMSSW_12_6_0-125X_dataRun2_v1_RelVal_jet2018A-v1__DQMIO.root",
            "RelValData/CMSSW_12_6_x/DQM_V0001_R000320822__ZeroBias__CMSSW_12_6_0-125X_dataRun2_v1_RelVal_zb2018A-v1__DQMIO.root",
            "RelValData/CMSSW_12_6_x/DQM_V0002_R000320822__ZeroBias__CMSSW_12_6_0-125X_dataRun2_v1_RelVal_zb2018A-v1__DQMIO.root",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let catalog = RunCatalog(source: LocalDirectorySource(root: root), root: .relvalData)
        #expect(try await catalog.series() == ["CMSSW_12_6_x"])
        #expect(try await catalog.samples(series: "CMSSW_12_6_x") == ["JetHT", "ZeroBias"])
        let runs = try await catalog.runs(series: "CMSSW_12_6_x", sample: "ZeroBias")
        #expect(runs.map(\.name.version) == [2])
        #expect(runs.map(\.run) == [320_822])
    }

    @Test func onlineSeriesListSubsystemsAsSamples() async throws {
        let root = try layout([
            "OnlineData/original/00035xxxx/0003518xx/DQM_V0001_SiStrip_R000351871.root",
            "OnlineData/original/00035xxxx/0003518xx/DQM_V0001_L1T_R000351871.root",
            "OnlineData/original/00035xxxx/0003519xx/DQM_V0001_SiStrip_R000351902.root",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let catalog = RunCatalog(source: LocalDirectorySource(root: root), root: .online)
        #expect(try await catalog.series() == ["00035xxxx"])
        #expect(try await catalog.samples(series: "00035xxxx") == ["L1T", "SiStrip"])
        #expect(try await catalog.runs(series: "00035xxxx", sample: "SiStrip").map(\.run) == [351_871, 351_902])
    }
}
