import Foundation
import Testing
import TestSupport
@testable import Engine

/// `autodqm compare` and `autodqm offline`, run as the built binary.
@Suite struct CommandLineTests {
    /// The `autodqm` executable built next to this test bundle.
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("autodqm")
    static let configs = Fixtures.directory.appendingPathComponent("../../configs").standardized.path

    func autodqm(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ADQM_") }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let errorText = error.fileHandleForReading.readDataToEndOfFile()
        let outputText = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputText, as: UTF8.self), String(decoding: errorText, as: UTF8.self))
    }

    func temporaryDirectory(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("autodqm-\(name)-\(UUID())")
    }

    /// The report in `directory`, after checking that the gallery and every plot parse as XML.
    func wellFormedReport(in directory: URL) throws -> Report {
        let report = try Report(contentsOf: directory.appendingPathComponent(Report.resultsFileName))
        #expect(xmlProblem(try Data(contentsOf: directory.appendingPathComponent(Report.galleryFileName))) == nil)
        for plot in report.results.flatMap(\.plots) {
            #expect(xmlProblem(try Data(contentsOf: directory.appendingPathComponent(plot))) == nil, "\(plot)")
        }
        return report
    }

    func anomalies(of subsystem: String) throws -> Set<String> {
        let truth = try #require(try Fixtures.truth().run(Fixtures.dataRun))
        return Set(truth.anomalies.map(\.path).filter { $0.hasPrefix("\(subsystem)/") })
    }

    @Test func compareWritesAReportForASubsystem() throws {
        let out = temporaryDirectory("compare")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try autodqm([
            "compare", "--config", Self.configs, "--subsystem", "Egamma", "--data", Fixtures.dqmRun(Fixtures.dataRun).path,
            "--ref", Fixtures.dqmRun(315_000).path, "--ref", Fixtures.dqmRun(315_100).path, "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.split(separator: "\n").last.map(String.init) == out.appendingPathComponent(Report.galleryFileName).path)
        let report = try wellFormedReport(in: out)
        #expect(Set(report.results.filter(\.flagged).map(\.path)) == (try anomalies(of: "Egamma")))
        #expect(report.results.allSatisfy { !$0.plots.isEmpty }, "every histogram of a subsystem gets a plot by default")
    }

    @Test func offlineFetchesRunsBySeriesSampleAndRun() throws {
        let out = temporaryDirectory("offline"), db = temporaryDirectory("db")
        defer { for url in [out, db] { try? FileManager.default.removeItem(at: url) } }
        let run = try autodqm([
            "offline", "DT", "Run2018", "ZeroBias", "315705", "315000_315100_315200", "--local", Fixtures.dqmServerRoot.path,
            "--db", db.path, "-c", Self.configs, "-o", out.path, "--quiet",
        ])
        #expect(run.status == 0, "\(run.error)")
        let report = try wellFormedReport(in: out)
        #expect(report.data.run == Fixtures.dataRun && report.refs.map(\.run) == Fixtures.referenceRuns)
        #expect(Set(report.results.filter(\.flagged).map(\.path)) == (try anomalies(of: "DT")))
    }

    @Test func problemsAreReportedBeforeAnyWork() throws {
        let out = temporaryDirectory("bad")
        let data = Fixtures.dqmRun(Fixtures.dataRun).path
        let unknown = try autodqm(["compare", "--config", Self.configs, "--subsystem", "Nope", "--data", data, "--ref", data, "--out", out.path])
        #expect(unknown.status == 1 && unknown.error.contains("no subsystem Nope"))
        let both = try autodqm(["compare", "--all", "--config", Self.configs, "--subsystem", "CSC", "--data", data, "--ref", data, "--out", out.path])
        #expect(both.status == 64, "usage error")
        let noReference = try autodqm(["compare", "--all", "--data", data, "--out", out.path])
        #expect(noReference.status == 64)
        let typo = try autodqm(["compare", "--all", "--comparators", "chi2_tset", "--data", data, "--ref", data, "--out", out.path])
        #expect(typo.status == 1 && typo.error.contains("no comparator named chi2_tset"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
