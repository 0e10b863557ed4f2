import Foundation
import Histogram
import HistogramIO
import ROOTIO
import Testing
import TestSupport

/// Every histogram and string that real ROOT reads from the committed fixtures, read
/// by us without ROOT.
@Suite struct GoldenTests {
    @Test(arguments: [315_000, 315_705])
    func dqmRunMatchesGolden(run: Int) throws {
        let file = try ROOTFile(url: Fixtures.dqmRun(run))
        GoldenComparison.expectMatches(try file.dump(), try Fixtures.dqmGolden(run))
    }

    /// Runs 315100 and 315200 have no golden; they were written like 315000, so they hold the
    /// same histograms (classes, axes, paths with their own run number) and strings.
    @Test(arguments: [315_100, 315_200])
    func dqmRunWithoutGoldenHasTheLayoutOfItsSibling(run: Int) throws {
        let dump = try ROOTFile(url: Fixtures.dqmRun(run)).dump()
        let sibling = try Fixtures.dqmGolden(315_000)
        let renamed = sibling.histograms.map { $0.path.replacingOccurrences(of: "Run 315000", with: "Run \(run)") }
        #expect(dump.histograms.map(\.path) == renamed)
        #expect(dump.histograms.map(\.className) == sibling.histograms.map(\.className))
        #expect(dump.histograms.map(\.axes) == sibling.histograms.map(\.axes))
        #expect(dump.strings.count == sibling.strings.count)
        #expect(dump.strings.contains { $0.value == "<iRun>i=\(run)</iRun>" })
    }

    @Test(arguments: try Fixtures.realWorldFiles().filter { FileManager.default.fileExists(atPath: $0.golden.path) }.map(\.root))
    func realWorldFileMatchesGolden(root: URL) throws {
        let golden = root.deletingPathExtension().appendingPathExtension("golden.json.gz")
        let file = try ROOTFile(url: root)
        GoldenComparison.expectMatches(try file.dump(), try Fixtures.decodeJSON(FileDump.self, gzipped: golden))
    }
}
