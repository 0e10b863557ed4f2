import Foundation
import Testing
import TestSupport
@testable import Engine

/// `compare --all` on the fixture runs: the data run against one reference,
/// every histogram, default comparators, plots of what is shown.
@Suite struct CompareEverythingTests {
    struct Run: Sendable {
        let report: Report
        let output: URL
    }

    /// Compared once for the whole suite: it is the slow part.
    static let run = Task { () throws -> Run in
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("engine-all-\(UUID())")
        let request = ComparisonRequest(
            data: Fixtures.dqmRun(Fixtures.dataRun), references: [Fixtures.dqmRun(315_000)],
            scope: .everything(), outputDirectory: output, plots: .displayed)
        let report = try await Engine.compare(request)
        try await report.write(to: output)
        return Run(report: report, output: output)
    }

    @Test func flagsTheInjectedAnomaliesAndNothingElse() async throws {
        let report = try await Self.run.value.report
        let truth = try #require(try Fixtures.truth().run(Fixtures.dataRun))
        let anomalies = Set(truth.anomalies.map(\.path))
        let flagged = Set(report.results.filter(\.flagged).map(\.path))
        #expect(flagged.subtracting(anomalies).isEmpty, "false alarms: \(flagged.subtracting(anomalies).sorted())")
        #expect(flagged.count >= 25, "at least what AutoDQM's beta_binomial finds with one reference; missed \(anomalies.subtracting(flagged).sorted())")
    }

    @Test func reportsEveryHistogramOnceWithMissingOnesAsSuch() async throws {
        let report = try await Self.run.value.report
        let truth = try #require(try Fixtures.truth().run(Fixtures.dataRun))
        let reference = try #require(try Fixtures.truth().run(315_000))
        #expect(report.results.count == reference.histograms)
        #expect(Set(report.results.map(\.path)).count == report.results.count)
        #expect(report.data.run == Fixtures.dataRun && report.refs.map(\.run) == [315_000])
        let missing = report.results.filter { $0.status == .missingInData }.map(\.path)
        #expect(missing.sorted() == truth.missing.sorted())
        let empty = report.results.filter { $0.status == .emptyData }.map(\.path)
        #expect(empty.sorted() == truth.empty.sorted())
        #expect(report.results.allSatisfy { !$0.path.hasPrefix("DQMData/") })
    }

    @Test func outliersComeFirstAndQuietHistogramsAreHidden() async throws {
        let report = try await Self.run.value.report
        let statuses = report.results.map(\.status)
        #expect(statuses == statuses.sorted())
        #expect(report.results.allSatisfy { $0.display == ($0.status != .ok) })
    }

    @Test func everyShownHistogramHasWellFormedPlotsAndTheGalleryParses() async throws {
        let run = try await Self.run.value
        for result in run.report.results {
            #expect(result.plots.isEmpty == (result.status != .flagged), "\(result.path)")
            for plot in result.plots {
                let data = try Data(contentsOf: run.output.appendingPathComponent(plot))
                #expect(xmlProblem(data) == nil, "\(plot)")
            }
        }
        let gallery = try Data(contentsOf: run.output.appendingPathComponent(Report.galleryFileName))
        #expect(xmlProblem(gallery) == nil)
        let read = try Report(contentsOf: run.output.appendingPathComponent(Report.resultsFileName))
        #expect(read.results.map(\.path) == run.report.results.map(\.path))
    }
}
