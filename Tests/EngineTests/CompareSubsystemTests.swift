import Foundation
import Histogram
import SubsystemConfig
import Testing
import TestSupport
@testable import Engine

/// Shipped subsystem configurations (`configs/`) on the fixture runs, with all
/// three references.
@Suite struct CompareSubsystemTests {
    static let configs = Result {
        try ConfigLoader.load(path: Fixtures.directory.appendingPathComponent("../../configs").standardized.path)
    }

    static func compare(_ name: String, plots: ComparisonRequest.Plots = .all) async throws -> (Report, URL) {
        let subsystem = try #require(try configs.get().subsystem(named: name))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(name)-\(UUID())")
        let request = ComparisonRequest(
            data: Fixtures.dqmRun(Fixtures.dataRun), references: Fixtures.referenceRuns.map(Fixtures.dqmRun),
            scope: .subsystem(subsystem), outputDirectory: output, plots: plots)
        let report = try await Engine.compare(request)
        try await report.write(to: output)
        return (report, output)
    }

    @Test(arguments: ["CSC", "DT", "Egamma", "SiStrip"])
    func flagsExactlyTheSubsystemsAnomalies(subsystem: String) async throws {
        let (report, output) = try await Self.compare(subsystem)
        defer { try? FileManager.default.removeItem(at: output) }
        let truth = try #require(try Fixtures.truth().run(Fixtures.dataRun))
        let anomalies = Set(truth.anomalies.map(\.path).filter { $0.hasPrefix("\(subsystem)/") })
        #expect(Set(report.results.filter(\.flagged).map(\.path)) == anomalies)
        #expect(report.subsystem == subsystem && report.refs.map(\.run) == Fixtures.referenceRuns)
        #expect(report.results.allSatisfy { $0.path.hasPrefix("\(subsystem)/Run summary/") && $0.configPath != nil })
        for plot in report.results.flatMap(\.plots) {
            #expect(xmlProblem(try Data(contentsOf: output.appendingPathComponent(plot))) == nil, "\(plot)")
        }
        #expect(xmlProblem(try Data(contentsOf: output.appendingPathComponent(Report.galleryFileName))) == nil)
    }

    @Test func aHistogramMissingFromTheDataIsReportedNotSkipped() async throws {
        let (report, output) = try await Self.compare("SiStrip", plots: .none)
        defer { try? FileManager.default.removeItem(at: output) }
        let missing = "SiStrip/Run summary/SiStripOfflineMonitor/Quality/hChi2"
        #expect(report.results.first?.path == missing && report.results.first?.status == .missingInData)
        #expect(report.unmatched == [Report.Unmatched(path: missing, missingInData: true, missingInReferences: [])])
    }

    @Test func selectiveDisplayDrawsOnlyWhatIsNearACut() async throws {
        let (report, output) = try await Self.compare("DT")
        defer { try? FileManager.default.removeItem(at: output) }
        for result in report.results {
            #expect(result.display == result.flagged, "\(result.path)")
            #expect(result.plots.isEmpty == !result.flagged, "\(result.path)")
        }
    }

    @Test func alwaysShowDisplaysAQuietHistogram() async throws {
        let (report, output) = try await Self.compare("CSC", plots: .displayed)
        defer { try? FileManager.default.removeItem(at: output) }
        let time = try #require(report.results.first { $0.path.hasSuffix("/Timing/hTime") })
        #expect(time.status == .ok && time.display && time.plots.count == 1)
    }

    @Test func anUnknownComparatorStopsBeforeAnyWork() async throws {
        var subsystem = try #require(try Self.configs.get().subsystem(named: "CSC"))
        subsystem.entries[0].comparators = ["beta_binomail"]
        let request = ComparisonRequest(
            data: Fixtures.dqmRun(Fixtures.dataRun), references: [Fixtures.dqmRun(315_000)], scope: .subsystem(subsystem))
        await #expect(throws: EngineError.self) { try await Engine.compare(request) }
    }

    @Test func concatenatedSiblingsAreComparedAsOneHistogram() async throws {
        let json = """
            {"main_gdir": "DQMData/Run {0}/DT/Run summary/DTOfflineMonitor/", "comparators": ["beta_binomial"],
             "hists": [{"path": "Kinematics/hPt", "concatenate": ["hEta", "hNowhere"]}]}
            """
        let check = ConfigLoader.check(files: [ConfigFile(name: "Joined.json", bytes: Array(json.utf8))])
        let subsystem = try #require(check.configSet?.subsystem(named: "Joined"))
        let request = ComparisonRequest(
            data: Fixtures.dqmRun(Fixtures.dataRun), references: [Fixtures.dqmRun(315_000)], scope: .subsystem(subsystem))
        let result = try #require(try await Engine.compare(request).results.first)
        #expect(result.flagged, "the spike in hPt is still found")
        let bins = try #require(result.comparators["beta_binomial"]?.scores["binsUsed"])
        let data = try FixtureHistograms.load(run: Fixtures.dataRun)
        let pt = try #require(data["DT/Run summary/DTOfflineMonitor/Kinematics/hPt"]), eta = try #require(data["DT/Run summary/DTOfflineMonitor/Kinematics/hEta"])
        #expect(bins > Double(pt.xAxis.binCount) && bins <= Double(pt.xAxis.binCount + eta.xAxis.binCount))
        #expect(result.notes.contains { $0.contains("hNowhere") })
    }
}
