/// The vertical key of a heat map, one block per colour level, labelled in the map's unit.
struct ColorBar {
    let scale: ColorScale
    let title: String

    func draw(_ svg: inout SVGBuffer, frame: Frame) {
        let count = scale.colors.count
        let step = frame.height / Double(count)
        svg.raw("<g shape-rendering=\"crispEdges\">\n")
        for (level, color) in scale.colors.enumerated() {
            svg.raw("<rect fill=\""); svg.rawString(color); svg.raw("\""); svg.attribute("x", frame.left)
            svg.attribute("y", frame.bottom - Double(level + 1) * step); svg.attribute("width", frame.width)
            svg.attribute("height", step + 0.3); svg.raw("/>\n")
        }
        svg.raw("</g>\n")
        AxisPainter.outline(&svg, frame: frame)
        let marks: [AxisTicks.Mark]
        switch scale.mode {
        case .diverging:
            let cap = scale.upper
            let notation = NumberNotation(largest: cap, step: cap / 2)
            marks = [-cap, -cap / 2, 0, cap / 2, cap].map { value in
                let text = notation.string(value)
                let label = value == cap ? "≥" + text : value == -cap ? "≤" + text : text
                return AxisTicks.Mark(pixel: frame.bottom - (value + cap) / (2 * cap) * frame.height, label: label)
            }
        case .sequential:
            let axis = Scale(domain: scale.lower, scale.upper, pixels: frame.bottom, frame.top, log: scale.isLog)
            marks = axis.ticks(target: 5).filter { $0.label != nil }.map { AxisTicks.Mark(pixel: axis($0.value), label: $0.label) }
        }
        svg.raw("<path stroke=\""); svg.raw(AxisPainter.frameColor); svg.raw("\" d=\"")
        for mark in marks {
            svg.raw("M"); svg.coordinate(frame.right); svg.raw(" "); svg.coordinate(mark.pixel); svg.raw("h4")
        }
        svg.raw("\"/>\n<g font-size=\"11\" fill=\"#222\">\n")
        var widest = 0.0
        for mark in marks {
            guard let label = mark.label else { continue }
            widest = max(widest, estimatedWidth(label, size: AxisPainter.tickFont))
            svg.label(label, x: frame.right + 6, y: mark.pixel + 4, size: AxisPainter.tickFont, anchor: .start)
        }
        svg.raw("</g>\n")
        svg.label(title, x: frame.right + widest + 18, y: frame.centerY, size: AxisPainter.titleFont, rotate: 90)
    }
}
