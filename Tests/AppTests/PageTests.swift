import App
import Engine
import Foundation
import Testing
import TestSupport

/// The HTML pages against the live service: form, job page, plot page.
@Suite("Pages", .serialized)
struct PageTests {
    static let live = Result { try LiveService() }

    var live: LiveService { get throws { try Self.live.get() } }

    @Test func theFormListsSubsystemsAndRedirectsToTheShareableURL() async throws {
        let form = try await live.get("/")
        #expect(form.status == 200 && form.text.contains("<option>CSC</option>") && form.text.contains("/static/js/autodqm.js"))
        let go = try await live.get("/go?source=Offline&subsystem=CSC&series=Run2018&sample=ZeroBias&run=315705&ref=315100&ref=315000")
        // URLSession follows the redirect: the page it lands on is the plot URL's.
        #expect(go.status == 200 && go.text.contains("data-url=\"/plots/Offline/CSC/Run2018/ZeroBias/315000_315100/Run2018/ZeroBias/315705\"")
            || go.text.contains("id=\"plots\""))
        #expect(try await live.get("/go?subsystem=CSC&series=Run2018&sample=ZeroBias&run=315705").status == 400)
        #expect(try await live.get("/static/js/autodqm.js").status == 200)
    }

    @Test func aPlotURLStartsTheJobThenShowsOutliersFirst() async throws {
        let url = "/plots/Offline/RPC/Run2018/ZeroBias/315000_315200/Run2018/ZeroBias/315705"
        let first = try await live.get(url)
        #expect(first.status == 200)
        let plotsAtOnce = first.text.contains("id=\"plots\"")
        if !plotsAtOnce {
            let id = try #require(first.text.firstMatch(of: /data-job="([a-z0-9]+)"/)?.output.1)
            _ = try await live.waitForJob(String(id))
        }
        let page = try await live.get(url)
        #expect(page.status == 200 && page.text.contains("id=\"show-all\"") && page.text.contains("id=\"plot-filter\""))
        // The page lists exactly the result's outliers, first and shown by default.
        let key = try #require(try live.service.results.keys(queryPath: String(url.dropFirst("/plots/".count))).first)
        let report = try JSONDecoder().decode(Report.self, from: try await live.get("/api/results/\(key)").body)
        let anomalies = report.results.filter { $0.status == .flagged }.map(\.path)
        #expect(!anomalies.isEmpty)
        let sections = page.text.matches(of: /<section class="plot" data-display="(\d)" data-path="([^"]+)" data-status="([a-z_]+)"/)
            .map { (display: $0.output.1 == "1", path: String($0.output.2), status: String($0.output.3)) }
        let flagged = sections.prefix { $0.status == "flagged" }
        #expect(Set(flagged.map(\.path)) == Set(anomalies) && flagged.allSatisfy(\.display))
        #expect(page.text.contains("https://cmsweb.cern.ch/dqm/offline/start?runnr=315705;dataset=/ZeroBias/Run2018A-PromptReco-v1/DQMIO"))
        #expect(page.text.contains("id=\"previous-run\" href=\"/plots/Offline/RPC/Run2018/ZeroBias/315000_315200/Run2018/ZeroBias/315200\""))

        // The page is cached: a revalidation is a 304.
        let etag = try #require(page.headers["etag"])
        let revalidated = try await live.get(url, headers: ["If-None-Match": etag])
        #expect(revalidated.status == 304)
    }

    @Test func relMonReportsAreBrowsable() async throws {
        let report = try live.folder.appendingPathComponent("tmp/relmon/RelVal_CMSSW_14_0_0")
        try FileManager.default.createDirectory(at: report, withIntermediateDirectories: true)
        try "<html><body>summary of the pair</body></html>".write(
            to: report.appendingPathComponent("RelMonSummary.html"), atomically: true, encoding: .utf8)
        let index = try await live.get("/relmon/")
        #expect(index.status == 200 && index.text.contains("href=\"/relmon/RelVal_CMSSW_14_0_0/\""))
        let page = try await live.get("/relmon/RelVal_CMSSW_14_0_0/")
        #expect(page.status == 200 && page.text.contains("summary of the pair"))
        #expect(try await live.get("/relmon/RelVal_CMSSW_14_0_0/nothing.html").status == 404)
        #expect(try await live.get("/relmon/../autodqm.sqlite").status == 404)
    }

    @Test func unknownJobsAndBadPlotURLs() async throws {
        #expect(try await live.get("/jobs/nosuchjob").status == 404)
        #expect(try await live.get("/plots/Offline/CSC/Run2018").status == 400)
    }
}
