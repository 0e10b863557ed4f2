import App
import Engine
import Foundation
import Testing
import TestSupport

/// The JSON API against a real server on loopback, over the fixture runs.
@Suite("API", .serialized)
struct APITests {
    static let live = Result { try LiveService() }

    var live: LiveService { get throws { try Self.live.get() } }

    @Test func subsystemsComeFromTheConfigs() async throws {
        let body = try await live.get("/api/subsystems").json()
        let names = (body["subsystems"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.contains("CSC") && names.contains("DT"))
        #expect((body["config_version"] as? String)?.count == 64)
    }

    @Test func seriesSamplesAndRunsFromTheLocalSource() async throws {
        #expect(try await live.get("/api/series").json()["series"] as? [String] == ["Run2018"])
        #expect(try await live.get("/api/samples?series=Run2018").json()["samples"] as? [String] == ["ZeroBias"])
        let runs = try await live.get("/api/runs?source=Offline&series=Run2018&sample=ZeroBias").json()["runs"] as? [[String: Any]]
        #expect(runs?.compactMap { $0["run"] as? Int } == Fixtures.referenceRuns + [Fixtures.dataRun])
        let missing = try await live.get("/api/runs?series=Run2018&sample=NoSuchSample")
        #expect(missing.status == 404)
        #expect(try await live.get("/api/runs?series=Run2018").status == 400)
    }

    @Test func submitPollAndFetchResults() async throws {
        let submitted = try await live.request("POST", "/api/jobs", body: LiveService.queryJSON(refs: [315_100, 315_000]))
        #expect(submitted.status == 202)
        let job = try submitted.json()
        let id = try #require(job["id"] as? String)
        #expect(job["url"] as? String == "/plots/Offline/CSC/Run2018/ZeroBias/315000_315100/Run2018/ZeroBias/315705")
        #expect(["queued", "fetching", "comparing", "done"].contains(job["status"] as? String ?? ""))

        let finished = try await live.waitForJob(id)
        #expect(finished["status"] as? String == "done", "\(finished)")
        let progress = try #require(finished["progress"] as? [String: Any])
        #expect(progress["files"] as? Int == 3 && progress["files_fetched"] as? Int == 3)
        #expect((progress["histograms"] as? Int ?? 0) > 0 && progress["compared"] as? Int == progress["histograms"] as? Int)

        let results = try await live.get("/api/jobs/\(id)/results")
        #expect(results.status == 200)
        let report = try JSONDecoder().decode(Report.self, from: results.body)
        #expect(report.data.run == Fixtures.dataRun && report.refs.map(\.run) == [315_000, 315_100])
        #expect(report.subsystem == "CSC")
        let flagged = Set(report.results.filter { $0.status == .flagged }.map(\.path))
        #expect(flagged == Set(try TruthFile.anomalies(run: Fixtures.dataRun, under: "CSC/")))

        // One histogram's entry, and the plot files it names are served.
        let first = try #require(report.results.first { $0.status == .flagged })
        let encodedPath = try #require(first.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let key = try #require(finished["result_key"] as? String)
        let histogram = try await live.get("/api/results/\(key)/histogram?path=\(encodedPath)").json()
        #expect(histogram["status"] as? String == "flagged")
        let bins = try await live.get("/api/results/\(key)/histogram/bins?path=\(encodedPath)").json()
        let dataBins = try #require(bins["data"] as? [String: Any])
        #expect((dataBins["contents"] as? [Double])?.isEmpty == false && (bins["refs"] as? [Any])?.count == 2)
        #expect(try await live.get("/api/results/\(key)/histogram/bins?path=No/Such").status == 404)
        let plot = try #require(first.plots.first)
        let svg = try await live.get("/results/\(key)/\(plot)")
        #expect(svg.status == 200 && svg.headers["content-type"] == "image/svg+xml")
    }

    @Test func duplicateSubmissionsJoinOneJob() async throws {
        let query = LiveService.queryJSON(subsystem: "DT", refs: [315_200])
        let first = try await live.request("POST", "/api/jobs", body: query).json()
        let second = try await live.request("POST", "/api/jobs", body: query).json()
        #expect(first["id"] as? String == second["id"] as? String)
        #expect(first["joined"] as? Bool == false && second["joined"] as? Bool == true)
        _ = try await live.waitForJob(try #require(first["id"] as? String))
        let third = try await live.request("POST", "/api/jobs", body: query).json()
        #expect(third["id"] as? String == first["id"] as? String && third["status"] as? String == "done")
    }

    @Test func submissionsCountAgainstThePeerAddress() async throws {
        let job = try await live.request("POST", "/api/jobs", body: LiveService.queryJSON(subsystem: "GEM", refs: [315_100])).json()
        let id = try #require(job["id"] as? String)
        #expect(try live.service.jobs.job(id: id)?.client == "127.0.0.1")
    }

    @Test func badRequestsAnswerJSONErrors() async throws {
        let badJSON = try await live.request("POST", "/api/jobs", body: "{not json")
        #expect(badJSON.status == 400 && badJSON.headers["content-type"]?.hasPrefix("application/json") == true)
        let error = try #require(try badJSON.json()["error"] as? [String: Any])
        #expect(error["status"] as? Int == 400 && error["message"] as? String == "the body is not a job query: not valid JSON")
        let noRun = try await live.request("POST", "/api/jobs", body: LiveService.queryJSON().replacingOccurrences(of: #", "run": 315705"#, with: ""))
        #expect(try noRun.status == 400 && (noRun.json()["error"] as? [String: Any])?["message"] as? String
            == "the body is not a job query: missing key 'run' at data")

        let unknownSubsystem = try await live.request("POST", "/api/jobs", body: LiveService.queryJSON(subsystem: "NoSuch"))
        #expect(unknownSubsystem.status == 422)
        let noRefs = try await live.request("POST", "/api/jobs", body: LiveService.queryJSON(refs: []))
        #expect(noRefs.status == 422)
        let badName = try await live.request("POST", "/api/jobs", body: LiveService.queryJSON(subsystem: "../etc"))
        #expect(badName.status == 422)

        let unknownJob = try await live.get("/api/jobs/nosuchjob", headers: ["Accept": "text/html"])
        #expect(try unknownJob.status == 404 && unknownJob.json()["error"] != nil)
        #expect(try await live.get("/api/nothing-here").status == 404)
        #expect(try await live.request("DELETE", "/api/subsystems").status == 405)
    }

    @Test func adminActionsNeedTheToken() async throws {
        let none = try await live.request("POST", "/api/admin/reload-configs")
        #expect(none.status == 401)
        let wrong = try await live.request("POST", "/api/admin/reload-configs", headers: ["Authorization": "Bearer wrong"])
        #expect(wrong.status == 401)
        let right = try await live.request(
            "POST", "/api/admin/reload-configs", headers: ["Authorization": "Bearer \(LiveService.adminToken)"])
        #expect(try right.status == 200 && (right.json()["config_version"] as? String)?.count == 64)
        let evict = try await live.request("POST", "/api/admin/evict", headers: ["Authorization": "Bearer \(LiveService.adminToken)"])
        #expect(evict.status == 200)
        let missing = try await live.request(
            "DELETE", "/api/admin/results/nosuchkey", headers: ["Authorization": "Bearer \(LiveService.adminToken)"])
        #expect(missing.status == 404)
    }

    @Test func deletingAResultForgetsItsJobSoTheNextVisitRecomputes() async throws {
        let query = LiveService.queryJSON(subsystem: "HLT", refs: [315_000])
        let id = try #require(try await live.request("POST", "/api/jobs", body: query).json()["id"] as? String)
        let key = try #require(try await live.waitForJob(id)["result_key"] as? String)
        let admin = ["Authorization": "Bearer \(LiveService.adminToken)"]
        #expect(try await live.request("DELETE", "/api/admin/results/\(key)").status == 401)
        #expect(try await live.request("DELETE", "/api/admin/results/\(key)", headers: admin).status == 200)
        #expect(try await live.get("/api/results/\(key)").status == 404)
        #expect(try await live.get("/api/jobs/\(id)").status == 404)
        let again = try await live.request("POST", "/api/jobs", body: query).json()
        #expect(again["id"] as? String != id && again["joined"] as? Bool == false)
    }

    @Test func healthAndMetrics() async throws {
        let health = try await live.get("/healthz")
        #expect(try health.status == 200 && health.json()["status"] as? String == "ok")
        _ = try await live.get("/api/subsystems")
        let metrics = try await live.get("/metrics")
        #expect(metrics.status == 200 && metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
        for name in ["autodqm_jobs{status=\"queued\"}", "autodqm_jobs_running", "autodqm_store_bytes",
                     "autodqm_http_requests_total{group=\"api\",code=\"2xx\"}", "autodqm_http_request_duration_seconds_bucket"] {
            #expect(metrics.text.contains(name), "missing \(name)")
        }
        let openapi = try await live.get("/api/openapi.json")
        #expect(try openapi.status == 200 && openapi.json()["openapi"] as? String == "3.1.0")
    }
}

/// The injected anomalies of `Tests/Fixtures/dqm/truth.json`.
enum TruthFile {
    static func anomalies(run: Int, under prefix: String) throws -> [String] {
        let url = Fixtures.dqmServerRoot.appendingPathComponent("truth.json")
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let runs = truth?["runs"] as? [[String: Any]] ?? []
        let anomalies = runs.first { $0["run"] as? Int == run }?["anomalies"] as? [[String: Any]] ?? []
        return anomalies.compactMap { $0["path"] as? String }.filter { $0.hasPrefix(prefix) }
    }
}
