public import Histogram
import Render

/// RelMon's comparison plot, drawn by the Render module instead of ROOT PNGs: the test
/// histogram over the reference scaled to the test's integral (RelMon's tests compare
/// shapes), with per-bin pulls so 2D maps show *where* they differ.
public enum RelMonPlots {
    public static func draw(_ comparison: RelMonComparison, test: Histogram, reference: Histogram) -> [UInt8]? {
        guard test.axes.count == reference.axes.count,
              zip(test.axes, reference.axes).allSatisfy({ $0.binCount == $1.binCount }) else {
            return Renderer.svgBytes(for: spec(comparison, test: test, reference: nil, pulls: nil))
        }
        let scaled = scaledReference(reference, to: test)
        return Renderer.svgBytes(for: spec(comparison, test: test, reference: scaled, pulls: scaled.map { pulls(test, $0) }))
    }

    private static func spec(
        _ comparison: RelMonComparison, test: Histogram, reference: Histogram?, pulls: [Double]?
    ) -> PlotSpec {
        PlotSpec(
            kind: PlotSpec.defaultKind(for: test), data: test, reference: reference, pulls: pulls,
            title: comparison.name,
            dataRun: "test", referenceRuns: ["reference"], flagged: comparison.status == .fail,
            tooltipLimit: 100, width: 480, height: 360)
    }

    /// The reference scaled to the test's in-range integral (profiles are means: unscaled).
    private static func scaledReference(_ reference: Histogram, to test: Histogram) -> Histogram? {
        if reference.isProfile { return reference }
        let testSum = test.sumOfWeights, referenceSum = reference.sumOfWeights
        guard testSum > 0, referenceSum > 0 else { return reference }
        let factor = testSum / referenceSum
        return try? Histogram(
            className: reference.className, title: reference.title, axes: reference.axes,
            contents: reference.contents.map { $0 * factor },
            variances: reference.contents.indices.map { reference.variance(atGlobalBin: $0) * factor * factor },
            binEntries: reference.binEntries, entries: reference.entries, moments: reference.moments)
    }

    /// (test − reference) / combined error per global bin; NaN where both are empty.
    private static func pulls(_ test: Histogram, _ reference: Histogram) -> [Double] {
        test.contents.indices.map { bin in
            let variance = test.variance(atGlobalBin: bin) + reference.variance(atGlobalBin: bin)
            return variance > 0 ? (test.contents[bin] - reference.contents[bin]) / variance.squareRoot() : .nan
        }
    }
}
