/// A rectangle of the canvas, in pixels, y downwards.
struct Frame {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }
    var centerX: Double { (left + right) / 2 }
    var centerY: Double { (top + bottom) / 2 }
}

/// The ticks of one axis, decided before drawing so margins can make room for them.
struct AxisTicks {
    struct Mark {
        let pixel: Double
        let label: String?
    }

    let marks: [Mark]
    /// Bin labels too long to sit side by side are drawn at −45°.
    let rotated: Bool
    /// Pixels needed outside the frame for tick labels.
    let space: Double

    /// Numeric ticks of a scale; `vertical` for a y axis.
    init(scale: Scale, vertical: Bool, minorTicks: Bool = true) {
        let length = abs(scale.end - scale.start)
        let ticks = scale.ticks(target: max(2, Int(length / (vertical ? 45 : 80))))
        marks = ticks.filter { minorTicks || $0.label != nil }.map { Mark(pixel: scale($0.value), label: $0.label) }
        rotated = false
        let widest = ticks.reduce(0) { max($0, estimatedWidth($1.label ?? "", size: AxisPainter.tickFont)) }
        space = vertical ? widest + 8 : AxisPainter.tickFont + 8
    }

    /// Bin labels at bin centres, thinned to every n-th when bins are narrower than a line of text.
    init(labelsOf axis: DrawnAxis, pixelEdges: [Double], vertical: Bool) {
        let span = abs((pixelEdges.last ?? 0) - (pixelEdges.first ?? 0))
        let binPixels = span / Double(max(axis.binCount, 1))
        let longest = axis.longestLabel
        let fitsFlat = vertical || longest <= binPixels * 0.92
        let pitch = fitsFlat ? (vertical ? AxisPainter.tickFont + 1 : longest + 6) : AxisPainter.tickFont + 2
        let every = max(1, Int((pitch / max(binPixels, 0.01)).rounded(.up)))
        var marks: [Mark] = []
        for bin in stride(from: 1, through: axis.binCount, by: every) {
            guard let label = axis.labels[bin] else { continue }
            marks.append(Mark(pixel: (pixelEdges[bin - 1] + pixelEdges[bin]) / 2, label: DrawnAxis.shortened(label)))
        }
        self.marks = marks
        rotated = !fitsFlat
        if vertical {
            space = longest + 8
        } else {
            space = rotated ? longest * 0.71 + AxisPainter.tickFont + 6 : AxisPainter.tickFont + 8
        }
    }

    static func forAxis(_ axis: DrawnAxis, scale: Scale, pixelEdges: [Double], vertical: Bool) -> AxisTicks {
        axis.isCategorical ? AxisTicks(labelsOf: axis, pixelEdges: pixelEdges, vertical: vertical)
            : AxisTicks(scale: scale, vertical: vertical)
    }
}

/// Draws frames, ticks, tick labels, grid lines and axis titles.
enum AxisPainter {
    static let tickFont = 11.0
    static let titleFont = 12.0
    static let frameColor: StaticString = "#444"

    static func grid(_ svg: inout SVGBuffer, _ ticks: AxisTicks, frame: Frame, vertical: Bool) {
        svg.raw("<path stroke=\"#e6e6e6\" stroke-width=\"1\" fill=\"none\" d=\"")
        for mark in ticks.marks where mark.label != nil {
            if vertical {
                guard mark.pixel > frame.top + 0.5, mark.pixel < frame.bottom - 0.5 else { continue }
                svg.raw("M"); svg.coordinate(frame.left); svg.raw(" "); svg.coordinate(mark.pixel)
                svg.raw("H"); svg.coordinate(frame.right)
            } else {
                guard mark.pixel > frame.left + 0.5, mark.pixel < frame.right - 0.5 else { continue }
                svg.raw("M"); svg.coordinate(mark.pixel); svg.raw(" "); svg.coordinate(frame.top)
                svg.raw("V"); svg.coordinate(frame.bottom)
            }
        }
        svg.raw("\"/>\n")
    }

    static func outline(_ svg: inout SVGBuffer, frame: Frame) {
        svg.raw("<rect fill=\"none\" stroke=\""); svg.raw(frameColor); svg.raw("\"")
        svg.attribute("x", frame.left); svg.attribute("y", frame.top)
        svg.attribute("width", frame.width); svg.attribute("height", frame.height)
        svg.raw("/>\n")
    }

    /// Ticks below the frame, with labels when `labelled` (a panel above another shares its x labels).
    static func bottom(_ svg: inout SVGBuffer, _ ticks: AxisTicks, frame: Frame, labelled: Bool) {
        svg.raw("<path stroke=\""); svg.raw(frameColor); svg.raw("\" d=\"")
        for mark in ticks.marks where mark.pixel >= frame.left - 0.5 && mark.pixel <= frame.right + 0.5 {
            svg.raw("M"); svg.coordinate(mark.pixel); svg.raw(" "); svg.coordinate(frame.bottom)
            svg.raw("v"); svg.coordinate(mark.label == nil ? -3 : -6)
        }
        svg.raw("\"/>\n")
        guard labelled else { return }
        svg.raw("<g font-size=\"11\" fill=\"#222\">\n")
        for mark in ticks.marks where mark.pixel >= frame.left - 0.5 && mark.pixel <= frame.right + 0.5 {
            guard let label = mark.label else { continue }
            if ticks.rotated {
                svg.label(label, x: mark.pixel + 3, y: frame.bottom + 10, size: tickFont, anchor: .end, rotate: -45)
            } else {
                svg.label(label, x: mark.pixel, y: frame.bottom + 14, size: tickFont)
            }
        }
        svg.raw("</g>\n")
    }

    static func left(_ svg: inout SVGBuffer, _ ticks: AxisTicks, frame: Frame) {
        svg.raw("<path stroke=\""); svg.raw(frameColor); svg.raw("\" d=\"")
        for mark in ticks.marks where mark.pixel >= frame.top - 0.5 && mark.pixel <= frame.bottom + 0.5 {
            svg.raw("M"); svg.coordinate(frame.left); svg.raw(" "); svg.coordinate(mark.pixel)
            svg.raw("h"); svg.coordinate(mark.label == nil ? 3 : 6)
        }
        svg.raw("\"/>\n")
        svg.raw("<g font-size=\"11\" fill=\"#222\">\n")
        for mark in ticks.marks where mark.pixel >= frame.top - 0.5 && mark.pixel <= frame.bottom + 0.5 {
            guard let label = mark.label else { continue }
            svg.label(label, x: frame.left - 5, y: mark.pixel + 4, size: tickFont, anchor: .end)
        }
        svg.raw("</g>\n")
    }

    static func xTitle(_ svg: inout SVGBuffer, _ title: String, frame: Frame, below offset: Double) {
        guard !title.isEmpty else { return }
        svg.label(title, x: frame.centerX, y: frame.bottom + offset, size: titleFont, latex: true)
    }

    static func yTitle(_ svg: inout SVGBuffer, _ title: String, frame: Frame, left offset: Double) {
        guard !title.isEmpty else { return }
        svg.label(title, x: frame.left - offset, y: frame.centerY, size: titleFont, rotate: -90, latex: true)
    }

    /// The explicit note an empty histogram gets instead of an empty frame.
    static func note(_ svg: inout SVGBuffer, _ text: String, frame: Frame) {
        svg.raw("<g fill=\"#777\">\n")
        svg.label(text, x: frame.centerX, y: frame.centerY + 5, size: 14)
        svg.raw("</g>\n")
    }
}

extension AxisTicks {
    /// Ticks chosen by the caller (e.g. the fixed ±cap marks of a pull axis).
    init(marks: [Mark], rotated: Bool, space: Double) {
        self.marks = marks
        self.rotated = rotated
        self.space = space
    }
}
