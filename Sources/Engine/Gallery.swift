import Foundation
import Render

/// The static `index.html` of a report: self-contained (no network), outliers
/// first, a filter box and a toggle to show the histograms that need no attention.
///
/// Written as well-formed XHTML so any XML parser can check it, with every piece
/// of text from files or configs escaped.
enum Gallery {
    static func html(for report: Report) -> String {
        var page = ""
        page.reserveCapacity(4096 + report.results.count * 600)
        let title = "AutoDQM: \(report.subsystem.map { "\($0), " } ?? "")run \(report.data.label) vs \(report.refs.map(\.label).joined(separator: ", "))"
        page += """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <title>\(escape(title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header>
            <h1>\(escape(title))</h1>
            \(filesParagraph(report))
            <p class="counts">\(countsText(report))</p>
            <p class="controls"><input id="filter" type="search" placeholder="filter by path" size="40"/>
            <label><input id="all" type="checkbox"/> show all \(report.results.count) histograms</label></p>
            </header>

            """
        page += unmatchedSection(report.unmatched)
        page += "<main id=\"cards\">\n"
        for result in report.results { card(result, report: report, into: &page) }
        page += "</main>\n<p id=\"empty\" hidden=\"hidden\">Nothing to show here: no histogram needs attention or matches the filter. Tick \u{201C}show all\u{201D} to see every histogram.</p>\n"
        page += "<script>//<![CDATA[\n\(script)\n//]]></script>\n</body>\n</html>\n"
        return page
    }

    private static func filesParagraph(_ report: Report) -> String {
        let refs = report.refs.map { "<code>\(escape($0.file))</code>" }.joined(separator: ", ")
        return "<p class=\"files\">data: <code>\(escape(report.data.file))</code><br/>reference\(report.refs.count == 1 ? "" : "s"): \(refs)</p>"
    }

    private static func countsText(_ report: Report) -> String {
        let counts = report.statusCounts
        return HistogramResult.Status.allCases.compactMap { status in
            counts[status].map { "<span class=\"badge \(status.rawValue)\">\($0) \(label(status))</span>" }
        }.joined(separator: " ")
    }

    private static func unmatchedSection(_ entries: [Report.Unmatched]) -> String {
        guard !entries.isEmpty else { return "" }
        var section = "<section id=\"unmatched\"><h2>Configured paths that matched nothing</h2><ul>\n"
        for entry in entries {
            var places = entry.missingInData ? ["data"] : []
            places += entry.missingInReferences.map { "reference \($0)" }
            section += "<li><code>\(escape(entry.path))</code>: \(escape(places.joined(separator: ", ")))</li>\n"
        }
        return section + "</ul></section>\n"
    }

    /// Appended piece by piece: building each card as its own string of interpolations cost
    /// more than everything else in the page.
    private static func card(_ result: HistogramResult, report: Report, into page: inout String) {
        let status = result.status.rawValue
        page += "<article class=\"card "; page += status; page += "\" data-display=\""; page += result.display ? "1" : "0"
        page += "\" data-path=\""; page += escape(result.path.lowercased()); page += "\">\n<h2>"; page += escape(result.path)
        page += "</h2>\n<p class=\"meta\"><span class=\"badge "; page += status; page += "\">"; page += label(result.status)
        page += "</span> "; page += escape(result.className); page += " \u{B7} "; entriesText(result.entries, report: report, into: &page)
        page += "</p>\n"
        for plot in result.plots {
            let link = escape(plot)
            page += "<a href=\""; page += link; page += "\"><img src=\""; page += link; page += "\" alt=\"plot of "
            page += escape(result.path); page += "\" loading=\"lazy\"/></a>\n"
        }
        for (name, outcome) in result.comparators.sorted(by: { $0.key < $1.key }) {
            page += "<details class=\""; page += outcome.flagged ? "flagged" : "ok"; page += "\"><summary><b>"; page += escape(name)
            page += "</b> "; page += outcome.flagged ? "outlier" : "ok"
            if let info = outcome.info, !info.isEmpty { page += ": "; page += escape(info) }
            page += "</summary><p class=\"scores\">"
            for (index, score) in outcome.scores.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { page += ", " }
                page += escape(score.key); page += " "; page += format(score.value)
            }
            page += "</p></details>\n"
        }
        for note in result.notes { page += "<p class=\"note\">"; page += escape(note); page += "</p>\n" }
        page += "</article>\n"
    }

    private static func entriesText(_ entries: Entries, report: Report, into page: inout String) {
        page += "entries run "; page += escape(report.data.label); page += ": "; page += entries.data.map(format) ?? "absent"
        for (reference, count) in zip(report.refs, entries.refs) {
            page += ", run "; page += escape(reference.label); page += ": "; page += count.map(format) ?? "absent"
        }
    }

    static func label(_ status: HistogramResult.Status) -> String {
        switch status {
        case .flagged: "flagged"
        case .missingInData: "missing in data"
        case .missingInReference: "missing in reference"
        case .emptyData: "empty data"
        case .emptyReference: "empty reference"
        case .notComparable: "not comparable"
        case .ok: "compatible"
        }
    }

    /// Whole numbers in full, others with four significant digits.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "\u{221E}" : "\u{2212}\u{221E}") }
        if value == value.rounded(), value.magnitude < 1e15 { return String(Int64(value)) }
        let magnitude = value.magnitude
        guard magnitude >= 1e-3, magnitude < 1e6 else { return CFormat.double(value, "%.4g") }
        // Four significant digits without Foundation's slow `String(format:)`, for the common range.
        var scale = 1.0
        for _ in 0..<max(0, 3 - Int(log10(magnitude).rounded(.down))) { scale *= 10 }
        let text = ((value * scale).rounded() / scale).description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    static func escape(_ text: String) -> String { XMLText.escape(text) }

    private static let style = """
        body{font-family:sans-serif;margin:0 1em;color:#222}
        header{position:sticky;top:0;background:#fff;padding:.3em 0;border-bottom:1px solid #ccc}
        h1{font-size:1.3em}h2{font-size:.95em;word-break:break-all;margin:.2em 0}
        #cards{display:flex;flex-wrap:wrap;gap:.8em;margin-top:.8em}
        .card{border:1px solid #ccc;border-radius:4px;padding:.5em;width:420px}
        .card img{width:100%;height:auto}
        .card[data-display="0"]{display:none}
        body.all .card[data-display="0"]{display:block}
        .card.filtered,body.all .card.filtered{display:none}
        .badge{border-radius:3px;padding:0 .4em;font-size:.85em;background:#ddd}
        .badge.flagged{background:#c33;color:#fff}.badge.ok{background:#7b7}
        .badge.missing_in_data,.badge.empty_data{background:#e90}
        .badge.missing_in_reference,.badge.empty_reference,.badge.not_comparable{background:#bbb}
        .card.flagged{border-color:#c33}.meta{font-size:.85em;color:#555;margin:.2em 0}
        details{font-size:.85em;margin:.2em 0}details.flagged summary{color:#c33}
        .scores,.note{font-size:.8em;color:#555;margin:.2em 0}
        """

    private static let script = """
        (function () {
          var cards = document.querySelectorAll('.card');
          var filter = document.getElementById('filter');
          var all = document.getElementById('all');
          function update() {
            var needle = filter.value.trim().toLowerCase();
            var shown = 0;
            document.body.classList.toggle('all', all.checked);
            for (var i = 0; i < cards.length; i++) {
              var card = cards[i];
              var match = card.getAttribute('data-path').indexOf(needle) >= 0;
              card.classList.toggle('filtered', !match);
              if (match && (all.checked || card.getAttribute('data-display') === '1')) shown++;
            }
            document.getElementById('empty').hidden = shown > 0;
          }
          filter.addEventListener('input', update);
          all.addEventListener('change', update);
          update();
        })();
        """
}
