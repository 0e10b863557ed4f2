import Foundation

/// Per-bin values of one 1D series (in-range bins only, bin 1 at index 0).
struct Series {
    var values: [Double]
    var errors: [Double]
    /// Bins that hold a value (profiles: bins with entries); `nil` means all finite ones.
    var present: [Bool]?

    func has(_ index: Int) -> Bool { (present?[index] ?? true) && values[index].isFinite }
}

/// A 1D comparison: data markers with error bars over a filled reference (or a
/// band of reference means for profiles), with a panel of pulls below.
struct OverlayPanel {
    enum Style { case counts, means }

    var axis: DrawnAxis
    var data: Series
    var reference: Series?
    var pulls: [Double]?
    var style: Style
    var logY: Bool
    var yTitle: String
    var pullCap: Double
    var outlierPull: Double
    var highlights: [BinRegion]
    var tooltipLimit: Int
    /// Shown over the frame when there is nothing to draw.
    var note: String?

    func isOutlier(_ index: Int) -> Bool {
        guard let pulls, index < pulls.count else { return false }
        return pulls[index].magnitude >= outlierPull
    }

    var isDataEmpty: Bool {
        data.values.indices.allSatisfy { !data.has($0) || data.values[$0] == 0 }
    }

    var hasOutliers: Bool { (0..<axis.binCount).contains(where: isOutlier) }

    func draw(_ svg: inout SVGBuffer, in area: Frame) {
        let n = axis.binCount
        let valueRange = yRange()
        // Margins depend on the tick labels, which depend on the frame: one provisional pass is enough.
        let provisional = Scale(domain: valueRange.0, valueRange.1, pixels: area.bottom - 40, area.top, log: valueRange.2)
        let yTicksGuess = AxisTicks(scale: provisional, vertical: true)
        let left = area.left + max(yTicksGuess.space, 30) + 20
        let xScale = axis.scale(from: left, to: area.right - 18)
        let pixelEdges = axis.pixelEdges(xScale)
        let xTicks = AxisTicks.forAxis(axis, scale: xScale, pixelEdges: pixelEdges, vertical: false)
        let plotBottom = area.bottom - xTicks.space - (axis.title.isEmpty ? 4 : 22)
        let pullHeight = pulls == nil ? 0 : max(48, (plotBottom - area.top) * 0.27)
        let main = Frame(left: left, top: area.top, right: area.right - 18, bottom: plotBottom - (pulls == nil ? 0 : pullHeight + 8))
        let yScale = Scale(domain: valueRange.0, valueRange.1, pixels: main.bottom, main.top, log: valueRange.2)
        let yTicks = AxisTicks(scale: yScale, vertical: true)

        svg.raw("<rect fill=\"#fff\""); svg.attribute("x", main.left); svg.attribute("y", main.top)
        svg.attribute("width", main.width); svg.attribute("height", main.height); svg.raw("/>\n")
        AxisPainter.grid(&svg, yTicks, frame: main, vertical: true)
        if !axis.isCategorical { AxisPainter.grid(&svg, xTicks, frame: main, vertical: false) }
        let fullHeight = Frame(left: main.left, top: main.top, right: main.right, bottom: plotBottom)
        drawHighlights(&svg, pixelEdges: pixelEdges, frame: fullHeight)
        if let reference {
            style == .counts ? drawFilled(&svg, reference, pixelEdges, yScale, main) : drawBand(&svg, reference, pixelEdges, yScale, main)
        }
        // An empty data run gets its note rather than a row of zero markers.
        if !isDataEmpty { drawData(&svg, pixelEdges, yScale, main) }
        AxisPainter.outline(&svg, frame: main)
        AxisPainter.left(&svg, yTicks, frame: main)
        AxisPainter.yTitle(&svg, yTitle, frame: main, left: max(yTicks.space, 30) + 8)
        if let note { AxisPainter.note(&svg, note, frame: main) }

        var xFrame = main
        if let pulls {
            AxisPainter.bottom(&svg, xTicks, frame: main, labelled: false)
            let pullFrame = Frame(left: main.left, top: plotBottom - pullHeight, right: main.right, bottom: plotBottom)
            PullBars(pulls: pulls, cap: pullCap).draw(&svg, pixelEdges: pixelEdges, frame: pullFrame)
            xFrame = pullFrame
        }
        AxisPainter.bottom(&svg, xTicks, frame: xFrame, labelled: true)
        AxisPainter.xTitle(&svg, axis.title, frame: xFrame, below: xTicks.space + 14)
        drawTooltips(&svg, pixelEdges: pixelEdges, frame: fullHeight, count: n)
    }

    /// (lower, upper, isLog) of the value axis.
    private func yRange() -> (Double, Double, Bool) {
        var lowest = Double.infinity, highest = -Double.infinity, smallestPositive = Double.infinity
        for series in [data] + (reference.map { [$0] } ?? []) {
            for index in series.values.indices where series.has(index) {
                let value = series.values[index]
                let error = series.errors[index].isFinite ? series.errors[index] : 0
                lowest = min(lowest, value - error)
                highest = max(highest, value + error)
                if value > 0 { smallestPositive = min(smallestPositive, value) }
            }
        }
        guard lowest.isFinite, highest.isFinite else { return (0, 1, false) }
        if logY, smallestPositive.isFinite {
            let top = max(highest, smallestPositive * 10)
            return (smallestPositive * 0.5, pow(10, log10(top) + 0.08 * (log10(top) - log10(smallestPositive * 0.5)) + 0.1), true)
        }
        switch style {
        case .counts:
            let lower = min(0, lowest), upper = highest > lower ? highest : lower + 1
            return (lower, upper + 0.08 * (upper - lower), false)
        case .means:
            let span = highest > lowest ? highest - lowest : max(lowest.magnitude, 1)
            return (lowest - 0.08 * span, highest + 0.08 * span, false)
        }
    }

    private func drawHighlights(_ svg: inout SVGBuffer, pixelEdges: [Double], frame: Frame) {
        guard !highlights.isEmpty else { return }
        svg.raw("<g fill-opacity=\"0.28\" fill=\""); svg.raw(Palette.highlightFill); svg.raw("\" stroke=\"")
        svg.raw(Palette.highlightLine); svg.raw("\" stroke-dasharray=\"4 3\">\n")
        for region in highlights {
            let low = min(max(region.xBins.lowerBound, 1), axis.binCount), high = min(max(region.xBins.upperBound, 1), axis.binCount)
            svg.raw("<rect"); svg.attribute("x", pixelEdges[low - 1]); svg.attribute("y", frame.top)
            svg.attribute("width", pixelEdges[high] - pixelEdges[low - 1]); svg.attribute("height", frame.height)
            svg.raw(">")
            if !region.label.isEmpty { svg.raw("<title>"); svg.text(region.label); svg.raw("</title>") }
            svg.raw("</rect>\n")
        }
        svg.raw("</g>\n")
    }

    /// The reference as one filled step outline: one element however many bins.
    private func drawFilled(_ svg: inout SVGBuffer, _ series: Series, _ pixelEdges: [Double], _ y: Scale, _ frame: Frame) {
        let base = y.clamped(y.isLog ? y.domainLower : 0)
        svg.raw("<path fill=\""); svg.raw(Palette.referenceFill); svg.raw("\" stroke=\""); svg.raw(Palette.referenceLine)
        svg.raw("\" stroke-linejoin=\"round\" d=\"M"); svg.coordinate(pixelEdges[0]); svg.raw(" "); svg.coordinate(base)
        for index in series.values.indices {
            let value = series.has(index) ? series.values[index] : 0
            svg.raw("V"); svg.coordinate(y.clamped(value)); svg.raw("H"); svg.coordinate(pixelEdges[index + 1])
        }
        svg.raw("V"); svg.coordinate(base); svg.raw("Z\"/>\n")
    }

    /// Reference profile means as a line inside a ±error band.
    private func drawBand(_ svg: inout SVGBuffer, _ series: Series, _ pixelEdges: [Double], _ y: Scale, _ frame: Frame) {
        svg.raw("<path fill-opacity=\"0.8\" fill=\""); svg.raw(Palette.referenceFill); svg.raw("\" d=\"")
        for index in series.values.indices where series.has(index) {
            let error = series.errors[index].isFinite ? series.errors[index] : 0
            svg.raw("M"); svg.coordinate(pixelEdges[index]); svg.raw(" "); svg.coordinate(y.clamped(series.values[index] - error))
            svg.raw("V"); svg.coordinate(y.clamped(series.values[index] + error))
            svg.raw("H"); svg.coordinate(pixelEdges[index + 1])
            svg.raw("V"); svg.coordinate(y.clamped(series.values[index] - error)); svg.raw("Z")
        }
        svg.raw("\"/>\n<path fill=\"none\" stroke-width=\"1.5\" stroke=\""); svg.raw(Palette.referenceLine); svg.raw("\" d=\"")
        for index in series.values.indices where series.has(index) {
            svg.raw("M"); svg.coordinate(pixelEdges[index]); svg.raw(" "); svg.coordinate(y.clamped(series.values[index]))
            svg.raw("H"); svg.coordinate(pixelEdges[index + 1])
        }
        svg.raw("\"/>\n")
    }

    /// Error bars, then ordinary markers, then outliers on top in red and larger.
    private func drawData(_ svg: inout SVGBuffer, _ pixelEdges: [Double], _ y: Scale, _ frame: Frame) {
        let binPixels = frame.width / Double(max(axis.binCount, 1))
        let radius = min(3.2, max(1.3, binPixels * 0.32))
        svg.raw("<path fill=\"none\" stroke=\""); svg.raw(Palette.data); svg.raw("\" d=\"")
        for index in data.values.indices where data.has(index) {
            let error = data.errors[index]
            guard error.isFinite, error > 0 else { continue }
            let x = (pixelEdges[index] + pixelEdges[index + 1]) / 2
            svg.raw("M"); svg.coordinate(x); svg.raw(" "); svg.coordinate(y.clamped(data.values[index] - error))
            svg.raw("V"); svg.coordinate(y.clamped(data.values[index] + error))
        }
        svg.raw("\"/>\n")
        // A marker is a zero-length stroke with round caps (`M69.5 288.2h0`), a third of the
        // bytes of a circle drawn as two arcs; an outlier is a white dot under a red one.
        let dots: [(outliers: Bool, color: StaticString, diameter: Double)] = [
            (false, Palette.data, 2 * radius), (true, "#fff", 2 * (radius + 1.3) + 0.8), (true, Palette.outlier, 2 * (radius + 1.3) - 0.8),
        ]
        for (outliers, color, diameter) in dots {
            svg.raw("<path fill=\"none\" stroke-linecap=\"round\" stroke=\""); svg.raw(color); svg.raw("\"")
            svg.attribute("stroke-width", diameter); svg.raw(" d=\"")
            for index in data.values.indices where data.has(index) && isOutlier(index) == outliers {
                svg.raw("M"); svg.coordinate((pixelEdges[index] + pixelEdges[index + 1]) / 2); svg.raw(" ")
                svg.coordinate(y.clamped(data.values[index])); svg.raw("h0")
            }
            svg.raw("\"/>\n")
        }
    }

    /// Invisible bin-wide hover targets; beyond the limit only outliers get one.
    private func drawTooltips(_ svg: inout SVGBuffer, pixelEdges: [Double], frame: Frame, count: Int) {
        let everyBin = count <= tooltipLimit
        // A target is a horizontal stroke as tall as the frame, half the bytes of a rectangle:
        // on uniform bins in bin units under one transform (`M12 0h1`), else in pixels.
        let binUnits = axis.isUniformLinear && count > 0
        svg.raw("<g stroke=\"#000\" stroke-opacity=\"0\""); svg.attribute("stroke-width", frame.height)
        let middle = (frame.top + frame.bottom) / 2
        if binUnits {
            svg.raw(" transform=\"matrix("); svg.fixed((pixelEdges[count] - pixelEdges[0]) / Double(count), decimals: 4)
            svg.raw(" 0 0 1 "); svg.fixed(pixelEdges[0], decimals: 4); svg.raw(" "); svg.coordinate(middle); svg.raw(")\"")
        }
        svg.raw(">\n")
        for index in 0..<count where everyBin || isOutlier(index) {
            if binUnits {
                svg.raw("<path d=\"M"); svg.int(index); svg.raw(" 0h1\"><title>")
            } else {
                svg.raw("<path d=\"M"); svg.coordinate(pixelEdges[index]); svg.raw(" "); svg.coordinate(middle)
                svg.raw("H"); svg.coordinate(pixelEdges[index + 1]); svg.raw("\"><title>")
            }
            if let label = axis.labels[index + 1] { svg.text(label) } else {
                svg.raw("["); svg.significant(axis.edges[index]); svg.raw(", "); svg.significant(axis.edges[index + 1]); svg.raw(")")
            }
            svg.raw("\ndata "); svg.significant(data.values[index])
            if data.errors[index].isFinite, data.errors[index] > 0 { svg.raw(" ± "); svg.significant(data.errors[index]) }
            if let reference { svg.raw("\nreference "); svg.significant(reference.values[index]) }
            if let pulls, index < pulls.count, pulls[index].isFinite { svg.raw("\npull "); svg.fixed(pulls[index], decimals: 2) }
            svg.raw("</title></path>\n")
        }
        svg.raw("</g>\n")
    }
}
