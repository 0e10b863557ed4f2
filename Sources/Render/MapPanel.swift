import Foundation

/// A 2D heat map: cells coloured on a quantised scale (on uniform axes one embedded
/// image of a pixel per cell, otherwise one path per colour with neighbouring cells
/// merged), empty cells left blank, a colour bar, outlined regions and hover tooltips.
struct MapPanel {
    var xAxis: DrawnAxis
    var yAxis: DrawnAxis
    /// What is coloured, per in-range cell with x fastest; NaN leaves the cell blank.
    var values: [Double]
    var colors: ColorScale
    var colorTitle: String
    /// Per-cell numbers for tooltips.
    var data: [Double]
    var reference: [Double]?
    var pulls: [Double]?
    var outlierPull: Double
    var highlights: [BinRegion]
    var tooltipLimit: Int
    var note: String?

    func draw(_ svg: inout SVGBuffer, in area: Frame) {
        let nx = xAxis.binCount, ny = yAxis.binCount
        let barSpace = 78.0
        let provisionalY = yAxis.scale(from: area.bottom - 40, to: area.top)
        let yTicksGuess = AxisTicks.forAxis(yAxis, scale: provisionalY, pixelEdges: yAxis.pixelEdges(provisionalY), vertical: true)
        let left = area.left + max(yTicksGuess.space, 24) + (yAxis.title.isEmpty ? 6 : 22)
        let xScale = xAxis.scale(from: left, to: area.right - barSpace)
        let xEdges = xAxis.pixelEdges(xScale)
        let xTicks = AxisTicks.forAxis(xAxis, scale: xScale, pixelEdges: xEdges, vertical: false)
        let frame = Frame(left: left, top: area.top, right: area.right - barSpace,
                          bottom: area.bottom - xTicks.space - (xAxis.title.isEmpty ? 4 : 22))
        let yScale = yAxis.scale(from: frame.bottom, to: frame.top)
        let yEdges = yAxis.pixelEdges(yScale)
        let yTicks = AxisTicks.forAxis(yAxis, scale: yScale, pixelEdges: yEdges, vertical: true)

        svg.raw("<rect fill=\""); svg.raw(Palette.emptyCell); svg.raw("\""); svg.attribute("x", frame.left)
        svg.attribute("y", frame.top); svg.attribute("width", frame.width); svg.attribute("height", frame.height); svg.raw("/>\n")
        var levels = [Int8](repeating: -1, count: nx * ny)
        for index in 0..<min(levels.count, values.count) where values[index].isFinite {
            let level = colors.level(values[index])
            levels[index] = Int8(level)
        }
        // Uniform linear axes: the cells are one stretched image of a pixel per cell; otherwise
        // (or if the image cannot be made) paths in pixels at the cells' true edges.
        let binUnits = xAxis.isUniformLinear && yAxis.isUniformLinear
        if !(binUnits && drawCellsAsImage(&svg, levels: levels, frame: frame)) {
            let runs = Self.runs(of: levels, nx: nx, ny: ny, levelCount: colors.colors.count)
            drawCellsInPixels(&svg, runs: runs, xEdges: xEdges, yEdges: yEdges)
        }
        drawOutlierRings(&svg, levels: levels, xEdges: xEdges, yEdges: yEdges, frame: frame)
        drawHighlights(&svg, xEdges: xEdges, yEdges: yEdges)
        AxisPainter.outline(&svg, frame: frame)
        AxisPainter.bottom(&svg, xTicks, frame: frame, labelled: true)
        AxisPainter.left(&svg, yTicks, frame: frame)
        AxisPainter.xTitle(&svg, xAxis.title, frame: frame, below: xTicks.space + 14)
        AxisPainter.yTitle(&svg, yAxis.title, frame: frame, left: max(yTicks.space, 24) + 8)
        if let note { AxisPainter.note(&svg, note, frame: frame) }
        ColorBar(scale: colors, title: colorTitle)
            .draw(&svg, frame: Frame(left: frame.right + 14, top: frame.top, right: frame.right + 28, bottom: frame.bottom))
        drawTooltips(&svg, levels: levels, xEdges: xEdges, yEdges: yEdges, binUnits: binUnits ? frame : nil)
    }

    /// Opens a group whose user units are bins, with row `r` centred on `y = r`: a hover
    /// target is then a one-bin stroke of width 1 (`M5 3h1`).
    private func openBinUnitGroup(_ svg: inout SVGBuffer, frame: Frame) {
        let rowHeight = frame.height / Double(yAxis.binCount)
        svg.raw(" stroke-width=\"1\" transform=\"matrix("); svg.fixed(frame.width / Double(xAxis.binCount), decimals: 4)
        svg.raw(" 0 0 "); svg.fixed(-rowHeight, decimals: 4); svg.raw(" "); svg.coordinate(frame.left); svg.raw(" ")
        svg.fixed(frame.bottom - rowHeight / 2, decimals: 4); svg.raw(")\">\n")
    }

    /// Uniform axes: the cells as a palette PNG of one pixel per cell, stretched over the frame
    /// without smoothing. Returns false (nothing written) when the image cannot be made.
    private func drawCellsAsImage(_ svg: inout SVGBuffer, levels: [Int8], frame: Frame) -> Bool {
        let nx = xAxis.binCount, ny = yAxis.binCount
        let blank = UInt8(colors.colors.count)
        var pixels = [UInt8](repeating: blank, count: nx * ny)
        for row in 0..<ny {
            let imageRow = (ny - 1 - row) * nx  // Images run top to bottom, rows bottom to top.
            for column in 0..<nx where levels[row * nx + column] >= 0 {
                pixels[imageRow + column] = UInt8(levels[row * nx + column])
            }
        }
        guard let png = IndexedPNG.encode(width: nx, height: ny, pixels: pixels, palette: colors.rgb) else { return false }
        svg.raw("<image preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\"")
        svg.attribute("x", frame.left); svg.attribute("y", frame.top)
        svg.attribute("width", frame.width); svg.attribute("height", frame.height)
        svg.raw(" href=\"data:image/png;base64,"); svg.rawString(Data(png).base64EncodedString()); svg.raw("\"/>\n")
        return true
    }

    private func drawCellsInPixels(_ svg: inout SVGBuffer, runs: [[Run]], xEdges: [Double], yEdges: [Double]) {
        let xText = FormattedNumbers(xEdges), yText = FormattedNumbers(yEdges)
        svg.raw("<g shape-rendering=\"crispEdges\">\n")
        for level in colors.colors.indices where !runs[level].isEmpty {
            svg.raw("<path fill=\""); svg.rawString(colors.colors[level]); svg.raw("\" d=\"")
            for run in runs[level] {
                let row = run.row, column = run.start, end = run.end
                svg.raw("M"); svg.append(xText, column); svg.raw(" "); svg.append(yText, row)
                svg.raw("H"); svg.append(xText, end); svg.raw("V"); svg.append(yText, row + 1)
                svg.raw("H"); svg.append(xText, column); svg.raw("Z")
            }
            svg.raw("\"/>\n")
        }
        svg.raw("</g>\n")
    }

    /// A row's stretch of neighbouring cells of one colour level, columns `start..<end`.
    struct Run { var row: Int, start: Int, end: Int }

    /// The runs of every level, rows bottom to top and left to right within each: found in
    /// one pass over the cells rather than one pass per colour level.
    static func runs(of levels: [Int8], nx: Int, ny: Int, levelCount: Int) -> [[Run]] {
        var runs = [[Run]](repeating: [], count: levelCount)
        for row in 0..<ny {
            let rowStart = row * nx
            var column = 0
            while column < nx {
                let level = levels[rowStart + column]
                var end = column + 1
                while end < nx && levels[rowStart + end] == level { end += 1 }
                if level >= 0 { runs[Int(level)].append(Run(row: row, start: column, end: end)) }
                column = end
            }
        }
        return runs
    }

    private func isOutlier(_ index: Int) -> Bool {
        guard let pulls, index < pulls.count else { return false }
        return pulls[index].magnitude >= outlierPull
    }

    /// Small cells are easy to miss however dark: outliers among them get a black ring.
    private func drawOutlierRings(_ svg: inout SVGBuffer, levels: [Int8], xEdges: [Double], yEdges: [Double], frame: Frame) {
        let nx = xAxis.binCount, ny = yAxis.binCount
        guard pulls != nil, frame.width / Double(nx) < 9 || frame.height / Double(ny) < 9 else { return }
        svg.raw("<path fill=\"none\" stroke=\"#000\" stroke-width=\"1.2\" d=\"")
        for index in levels.indices where levels[index] >= 0 && isOutlier(index) {
            let column = index % nx, row = index / nx
            let width = xEdges[column + 1] - xEdges[column] + 1, height = yEdges[row] - yEdges[row + 1] + 1
            svg.raw("M"); svg.coordinate(xEdges[column] - 0.5); svg.raw(" "); svg.coordinate(yEdges[row] + 0.5)
            svg.raw("h"); svg.coordinate(width); svg.raw("v"); svg.coordinate(-height); svg.raw("h"); svg.coordinate(-width); svg.raw("z")
        }
        svg.raw("\"/>\n")
    }

    /// Found regions, outlined in black over a white halo so they show on any colour.
    private func drawHighlights(_ svg: inout SVGBuffer, xEdges: [Double], yEdges: [Double]) {
        guard !highlights.isEmpty else { return }
        let nx = xAxis.binCount, ny = yAxis.binCount
        for (stroke, width, dash) in [("#fff" as StaticString, 4.0, false), (Palette.highlightLine, 2.0, true)] {
            svg.raw("<g fill=\"none\" stroke=\""); svg.raw(stroke); svg.raw("\""); svg.attribute("stroke-width", width)
            if dash { svg.raw(" stroke-dasharray=\"5 3\"") }
            svg.raw(">\n")
            for region in highlights {
                let x0 = min(max(region.xBins.lowerBound, 1), nx), x1 = min(max(region.xBins.upperBound, 1), nx)
                let y0 = min(max(region.yBins.lowerBound, 1), ny), y1 = min(max(region.yBins.upperBound, 1), ny)
                let top = min(yEdges[y1], yEdges[y0 - 1])
                svg.raw("<rect"); svg.attribute("x", xEdges[x0 - 1]); svg.attribute("y", top)
                svg.attribute("width", xEdges[x1] - xEdges[x0 - 1]); svg.attribute("height", abs(yEdges[y0 - 1] - yEdges[y1]))
                svg.raw(">")
                if dash, !region.label.isEmpty { svg.raw("<title>"); svg.text(region.label); svg.raw("</title>") }
                svg.raw("</rect>\n")
            }
            svg.raw("</g>\n")
        }
    }

    /// One invisible hover target per filled cell; large maps give them to outliers only.
    /// On a bin-unit frame a target is a one-bin stroke (`M5 3h1`), else a pixel rectangle.
    private func drawTooltips(_ svg: inout SVGBuffer, levels: [Int8], xEdges: [Double], yEdges: [Double], binUnits frame: Frame?) {
        let nx = xAxis.binCount
        let filled = levels.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        let everyCell = filled <= tooltipLimit
        var written = 0
        if let frame {
            svg.raw("<g stroke=\"#000\" stroke-opacity=\"0\"")
            openBinUnitGroup(&svg, frame: frame)
        } else {
            svg.raw("<g fill=\"#000\" fill-opacity=\"0\">\n")
        }
        for index in levels.indices where levels[index] >= 0 && (everyCell || isOutlier(index)) {
            guard written < tooltipLimit else { break }
            written += 1
            let column = index % nx, row = index / nx
            if frame != nil {
                svg.raw("<path d=\"M"); svg.int(column); svg.raw(" "); svg.int(row); svg.raw("h1\"><title>")
            } else {
                svg.raw("<rect"); svg.attribute("x", xEdges[column]); svg.attribute("y", yEdges[row + 1])
                svg.attribute("width", xEdges[column + 1] - xEdges[column]); svg.attribute("height", yEdges[row] - yEdges[row + 1])
                svg.raw("><title>")
            }
            binName(&svg, xAxis, column)
            svg.raw(", ")
            binName(&svg, yAxis, row)
            svg.raw("\ndata "); svg.significant(data[index])
            if let reference { svg.raw("\nreference "); svg.significant(reference[index]) }
            if let pulls, pulls[index].isFinite { svg.raw("\npull "); svg.fixed(pulls[index], decimals: 2) }
            svg.raw(frame != nil ? "</title></path>\n" : "</title></rect>\n")
        }
        svg.raw("</g>\n")
    }

    private func binName(_ svg: inout SVGBuffer, _ axis: DrawnAxis, _ index: Int) {
        if let label = axis.labels[index + 1] { svg.text(label); return }
        svg.raw("["); svg.significant(axis.edges[index]); svg.raw(", "); svg.significant(axis.edges[index + 1]); svg.raw(")")
    }
}
