import Foundation
import Histogram
import HistogramIO
import ROOTIO
import Testing
import TestSupport

/// What `autodqm inspect` prints.
@Suite struct InspectionTests {
    let file: ROOTFile

    init() throws { file = try ROOTFile(url: Fixtures.directory.appendingPathComponent("classes/classes.root")) }

    @Test func treeShowsPathsClassesBinsAndEntries() throws {
        let lines = try Inspection.tree(file).split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("classes.root: ROOT 6.40/00, \(file.fileSize) bytes, compression 101") == true)
        for expected in [
            "h2D  TH2D  10×8 bins  500 entries",
            "prof3d  TProfile3D  3×3×3 bins  300 entries",
            "cycled;2  TH1F  5 bins  2 entries",
            "outer/  TDirectory",
            "  inner/  TDirectory",
            "    deep  TH1F  4 bins  1 entries",
            "    <deep>i=42</deep>  TObjString",
            "    graph  TGraph",
        ] {
            #expect(lines.contains(expected), "\(expected)")
        }
    }

    @Test func jsonIsTheGoldenFormat() throws {
        let decoded = try JSONDecoder().decode(FileDump.self, from: Data(try Inspection.json(file).utf8))
        #expect(decoded == (try file.dump()))
        let golden = try Fixtures.decodeJSON(
            FileDump.self, gzipped: Fixtures.directory.appendingPathComponent("classes/classes.golden.json.gz"))
        GoldenComparison.expectMatches(decoded, golden)
    }
}
