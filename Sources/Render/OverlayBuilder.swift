import Histogram

/// Turns a 1D spec (histogram or profile) into an overlay panel and its legend.
enum OverlayBuilder {
    static func panel(_ spec: PlotSpec) -> OverlayPanel {
        let data = spec.data
        let all = 1...data.xAxis.binCount
        let shown = spec.xBins?.clamped(to: all) ?? all
        let bins = Array(shown)
        let reference = spec.reference.flatMap { sameBinning($0, data) ? $0 : nil }
        let isProfile = spec.kind == .profile || data.isProfile
        // Regions are numbered by the histogram's bins, the panel by the drawn ones.
        let offset = shown.lowerBound - 1
        let highlights = spec.highlights.compactMap { region -> BinRegion? in
            guard region.xBins.overlaps(shown) else { return nil }
            let visible = region.xBins.clamped(to: shown)
            var drawn = region
            drawn.xBins = (visible.lowerBound - offset)...(visible.upperBound - offset)
            return drawn
        }
        return OverlayPanel(
            axis: DrawnAxis(data.xAxis, labels: spec.xLabels, title: spec.xTitle, log: spec.logX, bins: shown),
            data: Series(data, bins: bins),
            reference: reference.map { Series($0, bins: bins) },
            pulls: inRange(spec.pulls, of: data, bins: bins),
            style: isProfile ? .means : .counts,
            logY: spec.logY,
            yTitle: spec.yTitle ?? (isProfile ? "mean" : "entries"),
            pullCap: spec.pullCap,
            outlierPull: spec.outlierPull,
            highlights: highlights,
            tooltipLimit: spec.tooltipLimit,
            note: emptyNote(spec, reference: reference))
    }

    static func legend(_ spec: PlotSpec, panel: OverlayPanel) -> [Header.LegendEntry] {
        var entries = [dataEntry(spec)]
        if panel.hasOutliers {
            entries.append(Header.LegendEntry(symbol: .outlierMarker, text: "|pull| ≥ \(compact(spec.outlierPull))"))
        }
        if panel.reference != nil { entries.append(referenceEntry(spec, symbol: panel.style == .counts ? .filledBar : .band)) }
        if !spec.highlights.isEmpty { entries.append(Renderer.highlightEntry) }
        return entries
    }

    static func dataEntry(_ spec: PlotSpec) -> Header.LegendEntry {
        Header.LegendEntry(symbol: .marker, text: spec.dataRun.isEmpty ? "Data" : "Data \(spec.dataRun)")
    }

    static func referenceEntry(_ spec: PlotSpec, symbol: Header.LegendEntry.Symbol) -> Header.LegendEntry {
        let runs = spec.referenceRuns.filter { !$0.isEmpty }
        let text = runs.isEmpty ? "Reference" : runs.count == 1 ? "Reference \(runs[0])"
            : runs.count <= 3 ? "References \(runs.joined(separator: ", "))" : "\(runs.count) references"
        return Header.LegendEntry(symbol: symbol, text: text)
    }

    /// Why the frame is empty, or `nil` when there is something to see.
    static func emptyNote(_ spec: PlotSpec, reference: Histogram?) -> String? {
        if spec.reference != nil && reference == nil { return spec.data.isEmpty ? "no entries" : "reference binning differs" }
        guard spec.data.isEmpty else { return nil }
        if let reference, !reference.isEmpty { return spec.dataRun.isEmpty ? "no entries in data" : "no entries in run \(spec.dataRun)" }
        return "no entries"
    }
}

extension Series {
    /// The given bins' contents and errors; profile bins without entries count as absent.
    init(_ histogram: Histogram, bins: [Int]) {
        values = bins.map { histogram.contents[$0] }
        errors = bins.map { histogram.error(atGlobalBin: $0) }
        present = histogram.binEntries.map { entries in bins.map { entries[$0] > 0 } }
    }
}

func sameBinning(_ a: Histogram, _ b: Histogram) -> Bool {
    a.axes.count == b.axes.count && zip(a.axes, b.axes).allSatisfy { $0.binCount == $1.binCount }
}

/// Per-global-bin pulls cut to the given bins; pulls of another shape are ignored.
func inRange(_ pulls: [Double]?, of histogram: Histogram, bins: [Int]) -> [Double]? {
    guard let pulls, pulls.count == histogram.cellCount else { return nil }
    return bins.map { pulls[$0] }
}

/// "3" rather than "3.0" in legends.
func compact(_ value: Double) -> String {
    var buffer = SVGBuffer(capacity: 12)
    buffer.fixed(value, decimals: 2)
    return buffer.string
}
