import Comparators
import Foundation
import Testing
@testable import Engine

@Suite struct ReportEncodingTests {
    let report = Report(
        data: RunInfo(file: "data.root", run: 315_705),
        refs: [RunInfo(file: "ref.root", run: 315_000)],
        results: [
            HistogramResult(
                path: "CSC/Run summary/h", className: "TH1F", status: .flagged, flagged: true, display: true,
                comparators: ["beta_binomial": ComparatorOutcome(scores: ["chi2": 12.5, "max_pull": .nan], flagged: true, info: "chi2 12.5 > 10")],
                plots: ["plots/h.beta_binomial.svg"], entries: Entries(data: 100, refs: [90])),
        ])

    @Test func resultsJSONHasTheDocumentedShape() throws {
        let object = try JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any]
        let data = try #require(object?["data"] as? [String: Any])
        #expect(data["run"] as? Int == 315_705)
        #expect((object?["refs"] as? [[String: Any]])?.first?["file"] as? String == "ref.root")
        let result = try #require((object?["results"] as? [[String: Any]])?.first)
        #expect(result["path"] as? String == "CSC/Run summary/h")
        #expect(result["class"] as? String == "TH1F")
        #expect(result["status"] as? String == "flagged")
        #expect(result["flagged"] as? Bool == true)
        #expect(result["plots"] as? [String] == ["plots/h.beta_binomial.svg"])
        let comparator = try #require((result["comparators"] as? [String: Any])?["beta_binomial"] as? [String: Any])
        #expect(comparator["chi2"] as? Double == 12.5)
        #expect(comparator["max_pull"] is NSNull, "non-finite scores are written as null")
        #expect(comparator["flagged"] as? Bool == true)
    }

    @Test func reportRoundTripsThroughItsFiles() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        var finite = report
        finite.results[0].comparators["beta_binomial"]?.scores["max_pull"] = 3.5
        try await finite.write(to: directory)
        let read = try Report(contentsOf: directory.appendingPathComponent(Report.resultsFileName))
        #expect(read == finite)
    }

    @Test func directJSONIsTheCodableDocument() throws {
        var tricky = report
        tricky.subsystem = "CSC \"quoted\"\\ \u{1}\n"
        tricky.results.append(HistogramResult(
            path: "B/é\t", className: "TH2F", status: .missingInData, flagged: false, display: true,
            entries: Entries(data: nil, refs: [1e20]), notes: ["n\u{7F}"], configPath: "B/*"))
        tricky.unmatched = [Report.Unmatched(path: "C/*", missingInData: false, missingInReferences: ["315000"])]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let direct = try JSONSerialization.jsonObject(with: tricky.jsonData()) as? NSDictionary
        let codable = try JSONSerialization.jsonObject(with: encoder.encode(tricky)) as? NSDictionary
        #expect(direct != nil && direct == codable)
        var finite = tricky
        finite.results[0].comparators["beta_binomial"]?.scores["max_pull"] = -2.25
        #expect(try JSONDecoder().decode(Report.self, from: finite.jsonData()) == finite)
    }

    @Test func statusesSortOutliersFirst() {
        #expect([HistogramResult.Status.ok, .emptyData, .flagged, .missingInData].sorted() == [.flagged, .missingInData, .emptyData, .ok])
    }

    @Test func dqmPathsSplitIntoRunAndRelativePath() {
        #expect(DQMPath.split("DQMData/Run 315705/CSC/Run summary/h") == (315_705, "CSC/Run summary/h"))
        #expect(DQMPath.split("hpx") == (nil, "hpx"))
        #expect(DQMPath.split("DQMData/Run x/h") == (nil, "DQMData/Run x/h"))
        #expect(DQMPath.run(fromFileName: "DQM_V0001_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root") == 315_705)
    }
}

@Suite struct PlotNameTests {
    @Test func plotNamesAreSafeReadableAndUnique() {
        let planned = ["CSC/Run summary/h", "CSC/Run_summary/h", "csc/run summary/H", "..é/<x>"].map {
            PlannedComparison(path: $0, options: .default)
        }
        #expect(PlotNames.assign(to: planned).map(\.plotName) == [
            "CSC_Run_summary_h", "CSC_Run_summary_h-2", "csc_run_summary_H-3", "____x_",
        ])
    }
}
