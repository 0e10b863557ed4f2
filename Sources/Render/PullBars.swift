/// The panel under a 1D overlay: one bar per bin from zero to its pull, coloured
/// on the same diverging scale as the 2D maps, with arrows where a pull exceeds the cap.
struct PullBars {
    let pulls: [Double]
    let cap: Double

    func draw(_ svg: inout SVGBuffer, pixelEdges: [Double], frame: Frame) {
        let colors = ColorScale.pulls(cap: cap)
        let limit = colors.upper
        let y = Scale(domain: -limit * 1.15, limit * 1.15, pixels: frame.bottom, frame.top)
        let marks = [-limit, -limit / 2, 0, limit / 2, limit].map { value in
            AxisTicks.Mark(pixel: y(value), label: NumberNotation(largest: limit, step: limit / 2).string(value))
        }
        let ticks = AxisTicks(marks: marks, rotated: false, space: 0)
        svg.raw("<rect fill=\"#fff\""); svg.attribute("x", frame.left); svg.attribute("y", frame.top)
        svg.attribute("width", frame.width); svg.attribute("height", frame.height); svg.raw("/>\n")
        AxisPainter.grid(&svg, ticks, frame: frame, vertical: true)

        let count = min(pulls.count, pixelEdges.count - 1)
        var levels = [Int](repeating: -1, count: count)
        for index in 0..<count where pulls[index].isFinite { levels[index] = colors.level(pulls[index]) }
        let zero = y(0)
        let widths = (0..<count).map { pixelEdges[$0 + 1] - pixelEdges[$0] }
        if let width = widths.first, widths.allSatisfy({ abs($0 - width) < 0.01 }) {
            drawBarsAsStrokes(&svg, levels: levels, colors: colors, pixelEdges: pixelEdges, width: width, zero: zero, y: y)
        } else {
            drawBarsAsOutlines(&svg, levels: levels, colors: colors, pixelEdges: pixelEdges, zero: zero, y: y)
        }
        // Pulls beyond the cap: a small arrowhead past the end of the bar.
        svg.raw("<path fill=\""); svg.raw(Palette.outlier); svg.raw("\" d=\"")
        for index in 0..<count where pulls[index].isFinite && pulls[index].magnitude > limit {
            let x = (pixelEdges[index] + pixelEdges[index + 1]) / 2
            let direction = pulls[index] > 0 ? -1.0 : 1.0
            let base = y(pulls[index] > 0 ? limit : -limit)
            svg.raw("M"); svg.coordinate(x - 3); svg.raw(" "); svg.coordinate(base)
            svg.raw("h6l-3 "); svg.coordinate(direction * 5); svg.raw("Z")
        }
        svg.raw("\"/>\n<path stroke=\"#888\" d=\"M"); svg.coordinate(frame.left); svg.raw(" "); svg.coordinate(zero)
        svg.raw("H"); svg.coordinate(frame.right); svg.raw("\"/>\n")
        AxisPainter.outline(&svg, frame: frame)
        AxisPainter.left(&svg, ticks, frame: frame)
        AxisPainter.yTitle(&svg, "pull", frame: frame, left: 38)
    }

    /// Bins wider than 4 pixels keep half a pixel clear on each side.
    private static func gap(_ width: Double) -> Double { width > 4 ? 0.5 : 0 }

    /// Bins of one width: a bar is a vertical stroke of that width from the zero line, which
    /// the group moves to `y = 0` (`M359.6 0V-10.5`), half the bytes of an outlined bar.
    private func drawBarsAsStrokes(
        _ svg: inout SVGBuffer, levels: [Int], colors: ColorScale, pixelEdges: [Double], width: Double, zero: Double, y: Scale
    ) {
        let limit = colors.upper
        svg.raw("<g fill=\"none\" transform=\"translate(0 "); svg.coordinate(zero); svg.raw(")\"")
        svg.attribute("stroke-width", width - 2 * Self.gap(width)); svg.raw(">\n")
        for level in colors.colors.indices where levels.contains(level) {
            svg.raw("<path stroke=\""); svg.rawString(colors.colors[level]); svg.raw("\" d=\"")
            for index in levels.indices where levels[index] == level {
                svg.raw("M"); svg.coordinate((pixelEdges[index] + pixelEdges[index + 1]) / 2)
                svg.raw(" 0V"); svg.coordinate(y(min(max(pulls[index], -limit), limit)) - zero)
            }
            svg.raw("\"/>\n")
        }
        svg.raw("</g>\n")
    }

    private func drawBarsAsOutlines(
        _ svg: inout SVGBuffer, levels: [Int], colors: ColorScale, pixelEdges: [Double], zero: Double, y: Scale
    ) {
        let limit = colors.upper
        for level in colors.colors.indices where levels.contains(level) {
            svg.raw("<path fill=\""); svg.rawString(colors.colors[level]); svg.raw("\" d=\"")
            for index in levels.indices where levels[index] == level {
                let gap = Self.gap(pixelEdges[index + 1] - pixelEdges[index])
                let top = y(min(max(pulls[index], -limit), limit))
                svg.raw("M"); svg.coordinate(pixelEdges[index] + gap); svg.raw(" "); svg.coordinate(zero)
                svg.raw("V"); svg.coordinate(top); svg.raw("H"); svg.coordinate(pixelEdges[index + 1] - gap)
                svg.raw("V"); svg.coordinate(zero); svg.raw("Z")
            }
            svg.raw("\"/>\n")
        }
    }
}
