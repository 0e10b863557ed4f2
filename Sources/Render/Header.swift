/// The lines above every plot: title, which runs are compared, a "flagged" badge
/// and, for overlays, a legend that never covers the data.
enum Header {
    struct LegendEntry {
        enum Symbol { case marker, outlierMarker, filledBar, band, highlight }
        let symbol: Symbol
        let text: String
    }

    /// Draws the header and returns its height.
    static func draw(_ svg: inout SVGBuffer, spec: PlotSpec, width: Double, legend: [LegendEntry]) -> Double {
        if spec.flagged {
            svg.raw("<rect x=\"0\" y=\"0\" height=\"4\" fill=\""); svg.raw(Palette.flagged); svg.raw("\"")
            svg.attribute("width", width); svg.raw("/>\n")
        }
        let badgeWidth = spec.flagged ? 70.0 : 0
        svg.label(fitted(Latex.plain(spec.title), width: width - 24 - badgeWidth, size: 15),
                  x: 12, y: 24, size: 15, anchor: .start, bold: true)
        if spec.flagged {
            svg.raw("<rect rx=\"3\" y=\"10\" width=\"62\" height=\"19\" fill=\""); svg.raw(Palette.flagged); svg.raw("\"")
            svg.attribute("x", width - 74); svg.raw("/>\n")
            svg.label("FLAGGED", x: width - 43, y: 24, size: 11, bold: true, fill: "#fff")
        }
        var height = 32.0
        let subtitle = runLine(spec)
        if !subtitle.isEmpty {
            svg.raw("<g fill=\"#555\">")
            svg.label(fitted(subtitle, width: width - 24, size: 12), x: 12, y: 46, size: 12, anchor: .start)
            svg.raw("</g>\n")
            height = 54
        }
        if !legend.isEmpty {
            drawLegend(&svg, legend, y: height + 8, width: width)
            height += 20
        }
        return height + 4
    }

    /// "Run 315705 vs. 315000, 315100" — or "vs. 5 references" when the list is long.
    static func runLine(_ spec: PlotSpec) -> String {
        guard !spec.dataRun.isEmpty else { return "" }
        let references = spec.referenceRuns.filter { !$0.isEmpty }
        switch references.count {
        case 0: return "Run \(spec.dataRun)" + (spec.reference == nil ? " (no reference)" : "")
        case 1...4: return "Run \(spec.dataRun) vs. \(references.joined(separator: ", "))"
        default: return "Run \(spec.dataRun) vs. \(references.count) references"
        }
    }

    private static func drawLegend(_ svg: inout SVGBuffer, _ entries: [LegendEntry], y: Double, width: Double) {
        var x = 14.0
        for entry in entries {
            let text = fitted(entry.text, width: width - x - 30, size: 11)
            guard text.count > 1 else { break }
            switch entry.symbol {
            case .marker, .outlierMarker:
                svg.raw("<circle r=\"3.5\""); svg.attribute("cx", x + 6); svg.attribute("cy", y - 4)
                svg.raw(" fill=\""); svg.raw(entry.symbol == .marker ? Palette.data : Palette.outlier); svg.raw("\"/>")
            case .filledBar, .band:
                svg.raw("<rect width=\"14\" height=\"10\" fill=\""); svg.raw(Palette.referenceFill)
                svg.raw("\" stroke=\""); svg.raw(Palette.referenceLine); svg.raw("\"")
                svg.attribute("x", x - 1); svg.attribute("y", y - 9); svg.raw("/>")
            case .highlight:
                svg.raw("<rect width=\"14\" height=\"10\" fill-opacity=\"0.3\" fill=\""); svg.raw(Palette.highlightFill)
                svg.raw("\" stroke=\""); svg.raw(Palette.highlightLine); svg.raw("\" stroke-dasharray=\"3 2\"")
                svg.attribute("x", x - 1); svg.attribute("y", y - 9); svg.raw("/>")
            }
            svg.label(text, x: x + 18, y: y, size: 11, anchor: .start)
            x += 18 + estimatedWidth(text, size: 11) + 18
        }
    }

    /// Cuts text that would run past `width` pixels, marking the cut with an ellipsis.
    static func fitted(_ text: String, width: Double, size: Double) -> String {
        let maximum = Int(width / (size * 0.56))
        guard text.count > maximum else { return text }
        return maximum > 1 ? String(text.prefix(maximum - 1)) + "…" : ""
    }
}
