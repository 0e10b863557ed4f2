import Foundation
import Testing
@testable import Engine

@Suite struct GalleryTests {
    /// A report whose every text field carries characters HTML must escape.
    let report = Report(
        data: RunInfo(file: "/data/<run>&1.root", run: 315_705),
        refs: [RunInfo(file: "ref\"1'.root", run: nil)],
        subsystem: "CSC <script>",
        results: [
            HistogramResult(
                path: "A/h<1>&\"x\"", className: "TH1F", status: .flagged, flagged: true, display: true,
                comparators: ["beta_binomial": ComparatorOutcome(scores: ["chi2": 12.5, "maxPull": .infinity], flagged: true, info: "chi2 > 10 & <pull>")],
                plots: ["plots/A_h_1_.beta_binomial.svg"], entries: Entries(data: 100, refs: [nil]),
                notes: ["missing in reference run ref\"1'.root\u{1}"]),
            HistogramResult(
                path: "B/quiet", className: "TH2F", status: .ok, flagged: false, display: false,
                entries: Entries(data: 5, refs: [6])),
        ],
        unmatched: [Report.Unmatched(path: "C/h*<", missingInData: true, missingInReferences: ["315000"])])

    @Test func galleryIsWellFormedXML() throws {
        let html = Gallery.html(for: report)
        #expect(xmlProblem(Data(html.utf8)) == nil)
    }

    @Test func galleryEscapesTextAndListsEveryResult() {
        let html = Gallery.html(for: report)
        #expect(!html.contains("<script>\""), "configured names never become markup")
        #expect(html.contains("A/h&lt;1&gt;&amp;&quot;x&quot;"))
        #expect(html.contains("chi2 &gt; 10 &amp; &lt;pull&gt;"))
        #expect(html.contains("data-display=\"0\" data-path=\"b/quiet\""), "quiet results are present but hidden")
        #expect(html.contains("src=\"plots/A_h_1_.beta_binomial.svg\""))
        #expect(html.contains("C/h*&lt;"), "unmatched configured paths are listed")
        #expect(!html.contains("\u{1}"), "control characters XML forbids are replaced")
    }

    @Test func numbersAreShortAndReadable() {
        #expect(Gallery.format(12) == "12")
        #expect(Gallery.format(0.123456) == "0.1235")
        #expect(Gallery.format(.nan) == "n/a")
        #expect(Gallery.format(1.5e-7) == "1.5e-07")
        #expect(Gallery.format(-36.82188) == "-36.82")
        #expect(Gallery.format(1234.56) == "1235")
        #expect(Gallery.format(0.0012345) == "0.001234" || Gallery.format(0.0012345) == "0.001235")
    }
}
