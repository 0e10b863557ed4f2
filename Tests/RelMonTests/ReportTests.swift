import Foundation
import Testing
import TestSupport
@testable import RelMon

struct ReportTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relmon-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Every `href`/`src` of the page.
    static func links(in html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
            + html.components(separatedBy: "src=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    @Test func pairPagesLinkOnlyToEachOtherAndLoadNothingRemote() throws {
        let result = try TreeTests.compare()
        let pages = PairReport(result: result).pages()
        #expect(pages.count == 4)
        #expect(pages.first?.name == PairReport.rootPage)
        let names = Set(pages.map(\.name))
        for (name, html) in pages {
            #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"), "\(name)")
            for link in Self.links(in: html) {
                #expect(names.contains(link), "\(name) links to \(link)")
            }
        }
        let root = try #require(pages.first?.html)
        // Sub-directories by failures first: A (one failure) before B.
        let a = try #require(root.range(of: ">A</a>")), b = try #require(root.range(of: ">B</a>"))
        #expect(a.lowerBound < b.lowerBound)
        #expect(root.contains("Ranks summary"))
        let sub = try #require(pages.first { $0.html.contains("<h1>sub</h1>") }?.html)
        #expect(sub.contains("Null comparisons (1)") && sub.contains("Skipped comparisons (1)"))
        #expect(sub.contains("Only in test file") && sub.contains("h_onlytest"))
    }

    @Test func namesFromFilesAreEscaped() throws {
        var result = try TreeTests.compare()
        result.root.subdirectories[0].comparisons[0].name = "<img src=x onerror=alert(1)>"
        result.problems = ["bad & <worse>"]
        let html = PairReport(result: result).pages().map(\.html).joined()
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("bad &amp; &lt;worse&gt;"))
    }

    @Test func resultsRoundTripThroughJSON() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var result = try TreeTests.compare()
        result.root.comparisons.append(RelMonComparison(
            name: "nan", path: "nan", className: "TH1F", status: .null, rank: .nan, note: .undefined))
        try PairReport(result: result).write(to: folder)
        let read = try RelMonResult.read(from: folder.appendingPathComponent(PairReport.resultsFile))
        #expect(read.root.subdirectories == result.root.subdirectories)
        #expect(read.root.comparisons.first?.rank.isNaN == true)
        #expect(read.problems == result.problems && read.threshold == result.threshold)
        // Re-rendering from the stored results gives the same pages, without comparing again.
        let original = try TreeTests.compare()
        try original.write(to: folder.appendingPathComponent("plain.json"))
        let reread = try RelMonResult.read(from: folder.appendingPathComponent("plain.json"))
        #expect(PairReport(result: reread).pages().map(\.html) == PairReport(result: original).pages().map(\.html))
        let stale = folder.appendingPathComponent("old.json")
        try Data(#"{"format": 0}"#.utf8).write(to: stale)
        #expect(throws: RelMonError.malformedResults(file: stale.path, reason: "format 0, expected 1")) {
            try RelMonResult.read(from: stale)
        }
    }

    @Test func directJSONIsTheCodableDocument() throws {
        var result = try TreeTests.compare()
        result.root.comparisons.append(RelMonComparison(
            name: "nan \"q\"\\ \u{1}\n", path: "é/\t", className: "TH1F", status: .null, rank: .nan, note: .undefined,
            plot: "plots/p.svg"))
        result.root.unpaired.append(UnpairedObject(name: "only", kind: "TH2F", side: .reference))
        result.directoryBlacklist = ["DQM@1"]
        result.problems = ["a \"problem\""]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let direct = try JSONSerialization.jsonObject(with: Data(ResultJSON.encode(result))) as? NSDictionary
        let codable = try JSONSerialization.jsonObject(with: encoder.encode(result)) as? NSDictionary
        #expect(direct != nil && direct == codable)
    }

    @Test func asciiReportHasRelMonsWording() throws {
        let text = AsciiReport(result: try TreeTests.compare()).text
        #expect(text.contains("  * A:\n   - h_bad: Chi2 Test Failed (pval = 0.0) \n"))
        #expect(text.contains("test.root - summary of 5 tests:\n"))
        #expect(text.contains(" o Failiures: 20.00% (1/5)\n"))
        #expect(text.contains(" o Successes: 40.00% (2/5)\n"))
        #expect(text.contains(" o Skipped: 20.00% (1/5)\n"))
        #expect(text.contains(" o Missing objects: 3\n"))
        #expect(text.contains("[*] Missing in reference.root under A/sub: h_onlytest"))
        #expect(text.contains("[*] Missing in test.root under B: h_onlyref, onlyref_dir"))
    }

    @Test func gzippedReportDecompressesToThePages() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = PairReport(result: try TreeTests.compare())
        try report.write(to: folder)
        let count = try ReportCompression.gzipInPlace(folder)
        #expect(count == 4)
        let root = folder.appendingPathComponent(PairReport.rootPage + "gz")
        #expect(String(decoding: try Fixtures.gunzip(root), as: UTF8.self) == report.pages()[0].html)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".htaccess").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(PairReport.resultsFile).path))
    }
}
