import Histogram

/// A TH3 as four panels: its projections on x, y and z (data over reference) and
/// an x–y map of the most extreme pull along z, so outliers show wherever they sit.
enum ProjectionBuilder {
    static func legend(_ spec: PlotSpec) -> [Header.LegendEntry] {
        var entries = [OverlayBuilder.dataEntry(spec)]
        if reference(spec) != nil { entries.append(OverlayBuilder.referenceEntry(spec, symbol: .filledBar)) }
        return entries
    }

    static func draw(_ svg: inout SVGBuffer, spec: PlotSpec, in area: Frame) {
        let data = spec.data
        let reference = reference(spec)
        let note = OverlayBuilder.emptyNote(spec, reference: reference)
        let middleX = area.centerX, middleY = area.top + area.height / 2
        let quarters = [
            Frame(left: area.left, top: area.top, right: middleX - 6, bottom: middleY - 4),
            Frame(left: middleX + 6, top: area.top, right: area.right, bottom: middleY - 4),
            Frame(left: area.left, top: middleY + 8, right: middleX - 6, bottom: area.bottom),
        ]
        for axis in 0..<3 {
            let drawn = DrawnAxis(data.axes[axis], labels: nil, title: projectionTitle(data, axis), log: false)
            OverlayPanel(
                axis: drawn, data: project(data, onto: axis), reference: reference.map { project($0, onto: axis) },
                pulls: nil, style: .counts, logY: spec.logY, yTitle: "entries", pullCap: spec.pullCap,
                outlierPull: spec.outlierPull, highlights: [], tooltipLimit: spec.tooltipLimit, note: note
            ).draw(&svg, in: quarters[axis])
        }
        let corner = Frame(left: middleX + 6, top: middleY + 8, right: area.right, bottom: area.bottom)
        xyMap(spec, reference: reference, note: note).draw(&svg, in: corner)
    }

    private static func reference(_ spec: PlotSpec) -> Histogram? {
        spec.reference.flatMap { sameBinning($0, spec.data) ? $0 : nil }
    }

    private static func projectionTitle(_ histogram: Histogram, _ axis: Int) -> String {
        let title = histogram.axes[axis].title
        return (title.isEmpty ? ["x", "y", "z"][axis] : title) + " (projection)"
    }

    /// Sums over the in-range bins of the two other axes; errors add in quadrature.
    static func project(_ histogram: Histogram, onto axis: Int) -> Series {
        let counts = histogram.axes.map(\.binCount)
        var values = [Double](repeating: 0, count: counts[axis]), variances = values
        for bin in histogram.inRangeBins {
            let (x, y, z) = histogram.binCoordinates(ofGlobalBin: bin)
            let index = [x, y, z][axis] - 1
            values[index] += histogram.contents[bin]
            variances[index] += histogram.variance(atGlobalBin: bin)
        }
        return Series(values: values, errors: variances.map { $0.squareRoot() }, present: nil)
    }

    /// Per (x, y): the pull of largest magnitude along z, or without pulls the data summed along z.
    private static func xyMap(_ spec: PlotSpec, reference: Histogram?, note: String?) -> MapPanel {
        let data = spec.data
        let nx = data.axes[0].binCount, ny = data.axes[1].binCount
        var dataSum = [Double](repeating: 0, count: nx * ny), referenceSum = dataSum
        var extreme = [Double](repeating: .nan, count: nx * ny)
        let pulls = spec.pulls?.count == data.cellCount ? spec.pulls : nil
        for bin in data.inRangeBins {
            let (x, y, _) = data.binCoordinates(ofGlobalBin: bin)
            let cell = (x - 1) + nx * (y - 1)
            dataSum[cell] += data.contents[bin]
            if let reference { referenceSum[cell] += reference.contents[bin] }
            if let pull = pulls?[bin], pull.isFinite, !(extreme[cell].magnitude >= pull.magnitude) { extreme[cell] = pull }
        }
        let axis = { (index: Int) in
            DrawnAxis(data.axes[index], labels: nil, title: data.axes[index].title.isEmpty ? ["x", "y"][index] : data.axes[index].title, log: false)
        }
        return MapBuilder.panel(
            spec, xAxis: axis(0), yAxis: axis(1), data: dataSum, dataFilled: dataSum.map { $0 != 0 },
            reference: reference == nil ? nil : referenceSum, referenceFilled: reference == nil ? nil : referenceSum.map { $0 != 0 },
            pulls: pulls == nil ? nil : extreme, unit: "entries (sum over z)", note: note, pullTitle: "largest pull along z")
    }
}
