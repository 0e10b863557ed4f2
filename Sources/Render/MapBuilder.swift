import Histogram

/// Turns a 2D spec into a heat map: signed pulls when there are any, otherwise the data itself.
enum MapBuilder {
    static func panel(_ spec: PlotSpec) -> MapPanel {
        let data = spec.data
        guard let yAxis = data.yAxis else { preconditionFailure("MapBuilder needs a 2D histogram") }
        // In-range cells, x fastest: a row's bins are consecutive global bins.
        let nx = data.xAxis.binCount
        var bins: [Int] = []
        bins.reserveCapacity(nx * yAxis.binCount)
        for y in 1...yAxis.binCount {
            let rowStart = data.globalBin(x: 1, y: y)
            for x in 0..<nx { bins.append(rowStart + x) }
        }
        let reference = spec.reference.flatMap { sameBinning($0, data) ? $0 : nil }
        return panel(
            spec, xAxis: DrawnAxis(data.xAxis, labels: spec.xLabels, title: spec.xTitle, log: spec.logX),
            yAxis: DrawnAxis(yAxis, labels: spec.yLabels, title: spec.yTitle, log: spec.logY),
            data: gather(data.contents, bins), dataFilled: filled(data, bins),
            reference: reference.map { gather($0.contents, bins) }, referenceFilled: reference.map { filled($0, bins) },
            pulls: inRange(spec.pulls, of: data, bins: bins), unit: data.isProfile ? "mean" : "entries",
            note: OverlayBuilder.emptyNote(spec, reference: reference))
    }

    /// A map over in-range cells (x fastest): pulls coloured where data or reference has content.
    static func panel(
        _ spec: PlotSpec, xAxis: DrawnAxis, yAxis: DrawnAxis, data: [Double], dataFilled: [Bool],
        reference: [Double]?, referenceFilled: [Bool]?, pulls: [Double]?, unit: String, note: String?,
        pullTitle: String = "pull"
    ) -> MapPanel {
        let values: [Double]
        let colors: ColorScale
        if let pulls {
            // AutoDQM leaves cells blank where data and reference are both empty.
            values = pulls.indices.map { index in
                dataFilled[index] || (referenceFilled?[index] ?? false) ? pulls[index] : .nan
            }
            colors = .pulls(cap: spec.pullCap)
        } else {
            values = data.indices.map { dataFilled[$0] && data[$0].isFinite ? data[$0] : .nan }
            let finite = values.filter(\.isFinite)
            let lowest = finite.min() ?? 0, highest = finite.max() ?? 1
            colors = .contents(lower: min(lowest, 0), upper: highest, log: false)
        }
        return MapPanel(
            xAxis: xAxis, yAxis: yAxis, values: values, colors: colors, colorTitle: pulls == nil ? unit : pullTitle,
            data: data, reference: reference, pulls: pulls, outlierPull: spec.outlierPull,
            highlights: spec.highlights, tooltipLimit: spec.tooltipLimit, note: note)
    }

    /// Whether each cell holds anything: content for histograms, entries for profiles.
    static func filled(_ histogram: Histogram, _ bins: [Int]) -> [Bool] {
        if let entries = histogram.binEntries { return bins.map { entries[$0] > 0 } }
        let contents = histogram.contents
        return bins.map { contents[$0] != 0 && !contents[$0].isNaN }
    }

    /// `values` at `bins`, read from a local copy so the loop does not go through the histogram.
    static func gather(_ values: [Double], _ bins: [Int]) -> [Double] {
        bins.map { values[$0] }
    }
}
