public import Foundation
import Render
import Synchronization

/// The browsable HTML tree of one file pair (RelMon's `directory2html`): one page per
/// directory, flat in one folder, with plots under `plots/`.
public struct PairReport: Sendable {
    public static let rootPage = "RelMonSummary.html"
    public static let resultsFile = "relmon.json"
    public static let asciiFile = "report.txt"

    public let result: RelMonResult

    public init(result: RelMonResult) { self.result = result }

    /// The page of the directory at `path` (the root's is `RelMonSummary.html`).
    public static func pageName(for path: String, rootPath: String) -> String {
        path == rootPath ? rootPage : "d\(HTML.stableName(path)).html"
    }

    /// Where the plot of the comparison at `path` goes, relative to the report folder.
    public static func plotName(for path: String) -> String { "plots/p\(HTML.stableName(path)).svg" }

    /// Every page, by file name.
    public func pages() -> [(name: String, html: String)] {
        directoriesInPageOrder().map { (pageName($0), page(for: $0)) }
    }

    /// Writes the pages, the stored results and the ASCII report into `folder`. Each core
    /// takes the next file not yet taken (the JSON, the ASCII report, then page by page),
    /// so the report's time splits evenly over the cores however the pages are sized.
    public func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let directories = directoriesInPageOrder()
        let failure = Mutex<(any Error)?>(nil)
        SharedWork.forEachIndex(directories.count + 2, workers: ProcessInfo.processInfo.activeProcessorCount) { unit in
            do {
                switch unit {
                case 0: try result.write(to: folder.appendingPathComponent(Self.resultsFile))
                case 1: try OutputFile.write(AsciiReport(result: result).text, toPath: folder.path + "/" + Self.asciiFile)
                default:
                    let directory = directories[unit - 2]
                    try OutputFile.write(page(for: directory), toPath: folder.path + "/" + pageName(directory))
                }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Every directory that gets a page, the root first, depth first.
    private func directoriesInPageOrder() -> [RelMonDirectory] {
        var directories: [RelMonDirectory] = []
        func collect(_ directory: RelMonDirectory) {
            directories.append(directory)
            for subdirectory in directory.subdirectories { collect(subdirectory) }
        }
        collect(result.root)
        return directories
    }

    private func pageName(_ directory: RelMonDirectory) -> String {
        Self.pageName(for: directory.path, rootPath: result.root.path)
    }

    private func page(for directory: RelMonDirectory) -> String {
        let isRoot = directory.path == result.root.path
        var body = header(for: directory)
        body += "<main>"
        if isRoot, !result.problems.isEmpty {
            body += "<section class=\"problems\"><h2>Problems</h2><ul>"
                + result.problems.prefix(50).map { "<li>\(XMLText.escape($0))</li>" }.joined()
                + (result.problems.count > 50 ? "<li>… and \(result.problems.count - 50) more</li>" : "")
                + "</ul></section>"
        }
        body += summary(for: directory)
        body += subdirectoryTable(for: directory)
        let sections: [(RelMonStatus, String)] = [
            (.fail, "Failing comparisons"), (.null, "Null comparisons"),
            (.success, "Successful comparisons"), (.skipped, "Skipped comparisons"),
        ]
        for (status, title) in sections where status != .success || result.showSuccesses {
            body += comparisonSection(directory.comparisons.filter { $0.status == status }, status: status, title: title)
        }
        body += unpairedSection(directory.unpaired)
        if isRoot, directory.totals.weight > 0 {
            let ranks = directory.allComparisons().filter { $0.status != .skipped }.map(\.rank)
            body += "<section><h2>Ranks summary</h2>\(Charts.rankDistribution(ranks))</section>"
        }
        body += "</main>"
        let title = directory.name.isEmpty ? "RelMon summary" : directory.name
        return HTML.page(title: "\(title) — RelMon", body: body)
    }

    private func header(for directory: RelMonDirectory) -> String {
        let rootPath = result.root.path
        var crumbs = ["<a href=\"\(Self.rootPage)\">RelMon summary</a>"]
        let relative = directory.path == rootPath ? "" : String(directory.path.dropFirst(rootPath.isEmpty ? 0 : rootPath.count + 1))
        var path = rootPath
        for component in relative.split(separator: "/").dropLast() {
            path = path.isEmpty ? String(component) : "\(path)/\(component)"
            crumbs.append("<a href=\"\(Self.pageName(for: path, rootPath: rootPath))\">\(XMLText.escape(String(component)))</a>")
        }
        let name = directory.name.isEmpty ? "RelMon summary" : directory.name
        // The root says what was compared: sample and runs when the names follow DQM's convention.
        let subtitle = directory.path != rootPath ? directory.path : [
            DQMFileName(fileName: result.testFile.name)?.sample,
            [result.testFile.runDirectory, result.referenceFile.runDirectory].compactMap { $0 }.joined(separator: " vs "),
        ].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        return "<header><div class=\"crumbs\">\(crumbs.joined(separator: " › "))</div>"
            + "<h1>\(XMLText.escape(name))</h1><div class=\"crumbs\">\(XMLText.escape(subtitle.isEmpty ? "/" : subtitle))</div></header>"
    }

    private func summary(for directory: RelMonDirectory) -> String {
        let totals = directory.totals
        var html = "<section class=\"summary\">\(Charts.pie(totals, size: 150, label: directory.path))<div>"
        html += "<h2>\(totals.weight) comparisons</h2>" + Self.statsList(totals)
        html += "</div><table>"
        html += row("Test file", result.testFile.name + (result.testFile.runDirectory.map { " (\($0))" } ?? ""))
        html += row("Reference file", result.referenceFile.name + (result.referenceFile.runDirectory.map { " (\($0))" } ?? ""))
        html += row("Statistical test (p-value threshold)", "\(result.test.displayName) (\(result.threshold))")
        if !result.directoryBlacklist.isEmpty { html += row("Directory blacklist", result.directoryBlacklist.joined(separator: ", ")) }
        if result.histogramBlacklistSize > 0 { html += row("Histogram blacklist", "\(result.histogramBlacklistSize) paths") }
        return html + "</table></section>"
    }

    /// RelMon's stats list: each line only when its count is positive.
    static func statsList(_ totals: Tally) -> String {
        var items = ""
        for status in Charts.order where totals.count(of: status) > 0 {
            items += "<li><span class=\"dot \(status.rawValue)\"></span>\(status.rawValue.capitalized): "
                + "\(HTML.percent(totals.rate(of: status))) (\(totals.count(of: status)))</li>"
        }
        if totals.unpaired > 0 { items += "<li>Unpaired: \(totals.unpaired)</li>" }
        return "<ul class=\"stats\">\(items)</ul>"
    }

    private func subdirectoryTable(for directory: RelMonDirectory) -> String {
        guard !directory.subdirectories.isEmpty else { return "" }
        // RelMon's order: most failures first, then most nulls, then by name.
        let sorted = directory.subdirectories.sorted {
            ($0.totals.fails, $0.totals.nulls) != ($1.totals.fails, $1.totals.nulls)
                ? ($0.totals.fails, $0.totals.nulls) > ($1.totals.fails, $1.totals.nulls)
                : $0.name < $1.name
        }
        var html = "<section><h2>Sub-directories</h2><table><tr><th></th><th>Directory</th><th>Comparisons</th>"
            + "<th>Success</th><th>Null</th><th>Fail</th><th>Skipped</th><th>Unpaired</th></tr>"
        for subdirectory in sorted {
            let totals = subdirectory.totals
            let link = Self.pageName(for: subdirectory.path, rootPath: result.root.path)
            html += "<tr><td><a href=\"\(link)\">\(Charts.pie(totals, size: 40, label: subdirectory.path))</a></td>"
                + "<td><a href=\"\(link)\">\(XMLText.escape(subdirectory.name))</a></td><td class=\"num\">\(totals.weight)</td>"
                + Charts.order.map { "<td class=\"num\">\(HTML.percent(totals.rate(of: $0))) (\(totals.count(of: $0)))</td>" }.joined()
                + "<td class=\"num\">\(totals.unpaired)</td></tr>"
        }
        return html + "</table></section>"
    }

    private func comparisonSection(_ comparisons: [RelMonComparison], status: RelMonStatus, title: String) -> String {
        guard !comparisons.isEmpty else { return "" }
        // Failures worst first; the others best first. Unranked ones last.
        let sorted = comparisons.sorted { a, b in
            if a.rank.isNaN != b.rank.isNaN { return b.rank.isNaN }
            if a.rank != b.rank { return status == .fail ? a.rank < b.rank : a.rank > b.rank }
            return a.name < b.name
        }
        var html = "<section><h2>\(title) (\(comparisons.count))</h2><div class=\"tiles\">"
        for comparison in sorted {
            html += "<div class=\"tile s-\(status.rawValue)\"><h3>\(XMLText.escape(comparison.name))</h3>"
                + "<div class=\"muted\">\(XMLText.escape(comparison.className)) · \(result.test.displayName): \(HTML.rank(comparison.rank))"
                + (comparison.note.map { " · \(XMLText.escape(Self.describe($0)))" } ?? "") + "</div>"
            if let plot = comparison.plot {
                html += "<a href=\"\(XMLText.escape(plot))\"><img src=\"\(XMLText.escape(plot))\" alt=\"\(XMLText.escape(comparison.name))\" loading=\"lazy\"></a>"
            }
            html += "</div>"
        }
        return html + "</div></section>"
    }

    private func unpairedSection(_ unpaired: [UnpairedObject]) -> String {
        guard !unpaired.isEmpty else { return "" }
        var html = "<section><h2>Unpaired objects (\(unpaired.count))</h2>"
        for (side, file) in [(RelMonSide.test, result.testFile.name), (.reference, result.referenceFile.name)] {
            let objects = unpaired.filter { $0.side == side }
            guard !objects.isEmpty else { continue }
            html += "<h3>Only in \(side.rawValue) file <code>\(XMLText.escape(file))</code></h3><ul>"
                + objects.map { "<li>\(XMLText.escape($0.name)) <span class=\"muted\">(\(XMLText.escape($0.kind)))</span></li>" }.joined()
                + "</ul>"
        }
        return html + "</section>"
    }

    private func row(_ label: String, _ value: String) -> String {
        "<tr><th>\(XMLText.escape(label))</th><td>\(XMLText.escape(value))</td></tr>"
    }

    static func describe(_ note: RelMonNote) -> String {
        switch note {
        case .bothEmpty: "both empty"
        case .oneEmpty: "one histogram empty"
        case .fewFilledBins: "fewer than 3 filled bins"
        case .differentBinning: "different binning"
        case .differentTypes: "different classes"
        case .undefined: "test undefined"
        case .blacklisted: "blacklisted"
        case .unreadable: "unreadable"
        }
    }
}
