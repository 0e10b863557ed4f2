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
