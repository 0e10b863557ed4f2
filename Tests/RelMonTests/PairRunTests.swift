import Foundation
import Testing
import TestSupport
@testable import RelMon

/// From file paths to a written report, as `autodqm relmon` runs it.
struct PairRunTests {
    static let pairRun = PairRun(
        comparer: RelMonComparer(options: RelMonOptions(parallelism: 2), statistics: ComparatorStatistics()),
        drawing: RelMonPlots.draw)

    @Test func reportOfTheFixtureRunsIsCompleteAndSelfContained() throws {
        let folder = try ReportTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.pairRun.run(test: Fixtures.dqmRun(315_705), reference: Fixtures.dqmRun(315_000), output: folder)
        #expect(result.root.totals == Tally(successes: 255, fails: 32, nulls: 0, skipped: 0, unpaired: 1))
        let plots = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("plots").path)
        #expect(plots.count == 32)
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }
        // Root, then per subsystem: itself, its monitor folder and six topic folders.
        #expect(pages.count == 1 + 18 * 8)
        for page in pages {
            let html = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
            for link in ReportTests.links(in: html) {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(link).path), "\(page): \(link)")
            }
        }
        let svg = try String(contentsOf: folder.appendingPathComponent("plots/\(plots[0])"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
        #expect(try RelMonResult.read(from: folder.appendingPathComponent(PairReport.resultsFile)).root.totals == result.root.totals)
    }

    @Test func anUnreadableFileGivesAReportSayingSo() throws {
        let folder = try ReportTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bogus = folder.appendingPathComponent("bogus.root")
        try Data("not ROOT".utf8).write(to: bogus)
        let result = try Self.pairRun.run(test: bogus, reference: Fixtures.dqmRun(315_000), output: folder.appendingPathComponent("report"))
        #expect(result.root.totals.weight == 0)
        #expect(result.problems.count == 1 && result.problems[0].contains("bogus.root: cannot be read"))
        let page = try String(contentsOf: folder.appendingPathComponent("report/\(PairReport.rootPage)"), encoding: .utf8)
        #expect(page.contains("bogus.root: cannot be read"))
    }
}
