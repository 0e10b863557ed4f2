import Histogram

/// Draws comparison plots as standalone SVG documents.
///
/// Output depends only on the spec (snapshot-testable); numbers are written with
/// one decimal, every text is XML-escaped, and nothing is fetched at view time.
public enum Renderer {
    public static func svg(for spec: PlotSpec) -> String {
        String(decoding: svgBytes(for: spec), as: UTF8.self)
    }

    /// The document as UTF-8 bytes, for writing to a file: making a `String` of a
    /// large plot (which validates every byte) cost a tenth of drawing it.
    public static func svgBytes(for spec: PlotSpec) -> [UInt8] {
        let width = Double(min(max(spec.width, 200), 4000)), height = Double(min(max(spec.height, 150), 4000))
        var svg = SVGBuffer(capacity: estimatedSize(spec))
        svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
        svg.attribute("width", width); svg.attribute("height", height)
        svg.raw(" viewBox=\"0 0 "); svg.coordinate(width); svg.raw(" "); svg.coordinate(height)
        svg.raw("\" font-family=\"Helvetica, Arial, 'DejaVu Sans', sans-serif\" font-size=\"12\" fill=\"#111\">\n<title>")
        svg.text(Latex.plain(spec.title))
        let runs = Header.runLine(spec)
        if !runs.isEmpty { svg.raw(" — "); svg.text(runs) }
        svg.raw("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n")

        let area = { (top: Double) in Frame(left: 8, top: top, right: width - 8, bottom: height - 8) }
        switch effectiveKind(spec) {
        case .overlay1D, .profile:
            let panel = OverlayBuilder.panel(spec)
            let top = Header.draw(&svg, spec: spec, width: width, legend: OverlayBuilder.legend(spec, panel: panel))
            panel.draw(&svg, in: area(top))
        case .pullMap2D:
            let top = Header.draw(&svg, spec: spec, width: width, legend: spec.highlights.isEmpty ? [] : [highlightEntry])
            MapBuilder.panel(spec).draw(&svg, in: area(top))
        case .projections3D:
            let top = Header.draw(&svg, spec: spec, width: width, legend: ProjectionBuilder.legend(spec))
            ProjectionBuilder.draw(&svg, spec: spec, in: area(top))
        }
        svg.raw("</svg>\n")
        return svg.bytes
    }

    static let highlightEntry = Header.LegendEntry(symbol: .highlight, text: "found region")

    /// The kind asked for, unless the histogram cannot be drawn that way (e.g. a 2D map of a 1D histogram).
    static func effectiveKind(_ spec: PlotSpec) -> PlotSpec.Kind {
        switch (spec.kind, spec.data.dimension) {
        case (.overlay1D, 1), (.profile, 1), (.pullMap2D, 2), (.projections3D, 3): spec.kind
        case (.profile, 2): .pullMap2D
        default: PlotSpec.defaultKind(for: spec.data)
        }
    }

    /// Reserving the output once avoids regrowing the buffer while cells are written.
    private static func estimatedSize(_ spec: PlotSpec) -> Int {
        let cells = spec.data.axes.reduce(1) { $0 * $1.binCount }
        let tooltips = min(cells, spec.tooltipLimit)
        return 8192 + min(cells, 1_000_000) * 24 + tooltips * 110
    }
}
