import Foundation
import Histogram
import HistogramIO
import ROOTIO
import Testing
import TestSupport

/// Every histogram and string that real ROOT reads from the committed fixtures, read
/// by us without ROOT.
@Suite struct GoldenTests {
    @Test(arguments: Fixtures.referenceRuns + [Fixtures.dataRun])
    func dqmRunMatchesGolden(run: Int) throws {
        let file = try ROOTFile(url: Fixtures.dqmRun(run))
        GoldenComparison.expectMatches(try file.dump(), try Fixtures.dqmGolden(run))
    }

    @Test(arguments: try Fixtures.realWorldFiles().filter { FileManager.default.fileExists(atPath: $0.golden.path) }.map(\.root))
    func realWorldFileMatchesGolden(root: URL) throws {
        let golden = root.deletingPathExtension().appendingPathExtension("golden.json.gz")
        let file = try ROOTFile(url: root)
        GoldenComparison.expectMatches(try file.dump(), try Fixtures.decodeJSON(FileDump.self, gzipped: golden))
    }
}
