public import Foundation
import Render

/// The global page of a matrix run (ValidationMatrix's `RelMonSummary.html`): totals,
/// per-sample pies, per-subsystem gauges, and the samples × directories table.
public struct MatrixReport: Sendable {
    public static let page = "RelMonSummary.html"

    public let summary: MatrixSummary

    public init(summary: MatrixSummary) { self.summary = summary }

    public func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(html.utf8).write(to: folder.appendingPathComponent(Self.page))
        try summary.write(to: folder.appendingPathComponent(MatrixSummary.file))
    }

    public var html: String {
        let totals = summary.totals
        var body = "<header><h1>RelMon global report: \(XMLText.escape(summary.title))</h1>"
            + "<div class=\"crumbs\">\(summary.samples.count) samples · \(summary.test.displayName), threshold \(summary.threshold)</div></header><main>"
        let failed = summary.samples.filter { $0.error != nil }
        if !failed.isEmpty || !summary.unmatched.isEmpty {
            body += "<section class=\"problems\"><h2>Problems</h2><ul>"
                + failed.map { "<li><b>\(XMLText.escape($0.name))</b>: \(XMLText.escape($0.error ?? ""))</li>" }.joined()
                + summary.unmatched.map { "<li>No partner for <code>\(XMLText.escape($0))</code></li>" }.joined()
                + "</ul></section>"
        }
        body += "<section class=\"summary\">\(Charts.pie(totals, size: 150, label: "all samples"))<div>"
            + "<h2>\(totals.weight) comparisons</h2>\(PairReport.statsList(totals))</div></section>"
        body += categories + samplesTable + matrix
        return HTML.page(title: "RelMon global report — \(summary.title)", body: body + "</main>")
    }

    private var categories: String {
        let categories = summary.categories
        guard !categories.isEmpty else { return "" }
        let total = Double(max(1, summary.totals.weight))
        return "<section><h2>Subsystems</h2><p class=\"muted\">Gauge: success rate averaged over samples, "
            + "as RelMon does (80 % and below at the left end); weighted rate and share of all comparisons below.</p>"
            + "<div class=\"gauges\">"
            + categories.map { category in
                "<div class=\"gauge\"><b>\(XMLText.escape(category.name))</b><br>"
                    + Charts.gauge(rate: category.averageSuccess, label: category.name)
                    + "<div class=\"muted\">weighted \(HTML.percent(100 * category.weightedSuccess)) · "
                    + "\(HTML.percent(100 * Double(category.totals.weight) / total)) of tests</div></div>"
            }.joined()
            + "</div></section>"
    }

    private var samplesTable: String {
        var html = "<section><h2>Samples</h2><div class=\"scroll\"><table class=\"files\"><tr><th></th><th>Sample</th><th>Test file</th><th>Reference file</th>"
            + "<th>Comparisons</th><th>Success</th><th>Fail</th><th>Null</th><th>Unpaired</th></tr>"
        for sample in summary.samples {
            let link = "\(Self.escapedFolder(sample.name))/\(PairReport.rootPage)"
            let name = sample.error == nil ? "<a href=\"\(link)\">\(XMLText.escape(sample.name))</a>" : XMLText.escape(sample.name)
            html += "<tr><td>\(Charts.pie(sample.totals, size: 36, label: sample.name))</td><td>\(name)"
                + (sample.error == nil ? "" : "<div class=\"muted\">failed (see Problems)</div>")
                + sample.problems.map { "<div class=\"muted\">\(XMLText.escape($0))</div>" }.joined()
                + "</td><td>\(XMLText.escape(sample.testFile))</td><td>\(XMLText.escape(sample.referenceFile))</td>"
                + "<td class=\"num\">\(sample.totals.weight)</td>"
                + [RelMonStatus.success, .fail, .null].map { "<td class=\"num\">\(HTML.percent(sample.totals.rate(of: $0)))</td>" }.joined()
                + "<td class=\"num\">\(sample.totals.unpaired)</td></tr>"
        }
        return html + "</table></div></section>"
    }

    /// Rows: every first-level directory; columns: samples. The first column sums each row
    /// over samples (RelMon's row summary used the previous row's directory by mistake).
    private var matrix: String {
        let samples = summary.samples.filter { $0.error == nil }
        let names = Set(samples.flatMap { $0.directories.map(\.name) }).sorted()
        guard !names.isEmpty else { return "" }
        var html = "<section><h2>Summary table</h2><div class=\"scroll\"><table class=\"matrix\"><tr><th>Directory</th><th>All samples</th>"
            + samples.map {
                "<th class=\"sample\" title=\"\(XMLText.escape($0.name))\"><a href=\"\(Self.escapedFolder($0.name))/\(PairReport.rootPage)\">"
                    + "\(XMLText.escape(Self.shortName($0)))</a></th>"
            }.joined()
            + "</tr>"
        for name in names {
            let cells = samples.map { sample in (sample, sample.directories.first { $0.name == name }) }
            let row = cells.compactMap(\.1).reduce(into: Tally()) { $0.add($1.totals) }
            html += "<tr><td>\(XMLText.escape(name))</td><td>\(Charts.pie(row, size: 34, label: "\(name): all samples"))</td>"
            for (sample, directory) in cells {
                guard let directory else {
                    html += "<td>\(Charts.pie(Tally(), size: 34, label: "\(name): not in \(sample.name)"))</td>"
                    continue
                }
                let page = PairReport.pageName(for: directory.path, rootPath: sample.rootPath)
                html += "<td><a href=\"\(Self.escapedFolder(sample.name))/\(page)\">"
                    + Charts.pie(directory.totals, size: 34, label: "\(name) in \(sample.name)") + "</a></td>"
            }
            html += "</tr>"
        }
        return html + "</table></div></section>"
    }

    /// The dataset name alone (the column headers would otherwise repeat the processing string).
    private static func shortName(_ sample: MatrixSample) -> String {
        DQMFileName(fileName: sample.testFile)?.sample ?? sample.name
    }

    /// Sample folder names are already restricted to URL-safe characters; escape anyway.
    private static func escapedFolder(_ name: String) -> String {
        XMLText.escape(name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name)
    }
}
