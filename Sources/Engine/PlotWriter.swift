import Comparators
import Foundation
import Histogram
import Render

/// Turns comparisons into SVG files under `<output>/plots/`: for an outlier one plot
/// (with located regions outlined), otherwise one per comparator that reached a verdict.
struct PlotWriter: Sendable {
    static let folder = "plots"
    /// Beyond this many cells only outliers get a hover tooltip: a gallery holds
    /// thousands of plots, and per-cell tooltips would make most of their bytes.
    static let tooltipLimit = 400

    /// The report folder's path: plots are written by path, not `URL`, which cost as much
    /// as the writing itself.
    let outputPath: String
    let selection: ComparisonRequest.Plots
    let dataRun: String
    let referenceRuns: [String]

    func wanted(display: Bool) -> Bool {
        switch selection {
        case .all: true
        case .displayed: display
        case .none: false
        }
    }

    /// Writes the plots and returns their paths relative to the output directory.
    func draw(
        _ comparisons: [Comparison], planned: PlannedComparison, data: Histogram, references: [Histogram]
    ) throws -> [String] {
        // An outlier gets one plot, the first flagging comparator's, with every region a
        // flagging comparator located outlined on it; otherwise each verdict gets its plot.
        let flagged = comparisons.filter(\.flagged)
        let drawn = flagged.isEmpty ? comparisons : Array(flagged.prefix(1))
        let highlights = flagged.compactMap(Self.region)
        var written: [String] = []
        for comparison in drawn {
            if case .notApplicable = comparison.status { continue }
            var spec = plotSpec(comparison, planned: planned, data: data, references: references)
            if data.dimension == 2 { spec.highlights = highlights }
            let relative = "\(Self.folder)/\(planned.plotName).\(PlotNames.sanitized(comparison.comparator)).svg"
            try writeFile(Renderer.svgBytes(for: spec), toPath: outputPath + "/" + relative)
            written.append(relative)
        }
        return written
    }

    private func plotSpec(
        _ comparison: Comparison, planned: PlannedComparison, data: Histogram, references: [Histogram]
    ) -> PlotSpec {
        let drawn = Dictionary(comparison.drawables.map { ($0.role, $0.histogram) }, uniquingKeysWith: { first, _ in first })
        let reference = drawn[.reference] ?? references.first.flatMap { Self.scaled($0, toMatch: data) }
        let pulls = drawn[.pulls].map { pulls in
            // A bin with nothing on either side has no pull, rather than a pull of zero.
            pulls.contents.indices.map { bin in
                data.contents[bin] == 0 && (reference?.contents[bin] ?? 0) == 0 ? .nan : pulls.contents[bin]
            }
        }
        let style = planned.style
        return PlotSpec(
            kind: PlotSpec.defaultKind(for: data), data: data, reference: reference, pulls: pulls,
            title: style.title ?? "\(planned.path) (\(comparison.comparator))",
            dataRun: dataRun, referenceRuns: referenceRuns,
            xTitle: style.xTitle, yTitle: style.yTitle, xLabels: style.xLabels, yLabels: style.yLabels,
            logX: style.logX, logY: style.logY,
            pullCap: comparison.scores["pullCap"] ?? 4, flagged: comparison.flagged,
            xBins: comparison.displayedBins, tooltipLimit: Self.tooltipLimit)
    }

    /// The block a comparator located (the regional detector's `blockX`, `blockY`,
    /// `blockWidth`, `blockHeight` scores, 1-based bins), if it reports one.
    static func region(_ comparison: Comparison) -> BinRegion? {
        let scores = comparison.scores
        guard let x = scores["blockX"].flatMap(Int.init(exactly:)), let y = scores["blockY"].flatMap(Int.init(exactly:)),
              let width = scores["blockWidth"].flatMap(Int.init(exactly:)), let height = scores["blockHeight"].flatMap(Int.init(exactly:)),
              width > 0, height > 0 else { return nil }
        return BinRegion(xBins: x...(x + width - 1), yBins: y...(y + height - 1), label: "\(comparison.comparator) region")
    }

    /// A reference scaled to the data's sum of weights, when the binnings agree.
    static func scaled(_ reference: Histogram, toMatch data: Histogram) -> Histogram? {
        guard reference.axes.map(\.binCount) == data.axes.map(\.binCount), reference.isProfile == data.isProfile else { return nil }
        let sum = reference.sumOfWeights
        let factor = reference.isProfile || sum == 0 ? 1 : data.sumOfWeights / sum
        return try? Histogram(
            className: reference.className, title: reference.title, axes: reference.axes,
            contents: reference.contents.map { $0 * factor },
            variances: reference.variances.map { $0.map { $0 * factor * factor } },
            binEntries: reference.binEntries, entries: reference.entries, moments: reference.moments)
    }
}
