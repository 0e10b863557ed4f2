import Foundation
import Histogram
@testable import Render
import Testing

/// What the pictures say: notes for empty input, outliers drawn apart, tooltips, regions.
@Suite struct PlotContentTests {
    func svg(_ name: String) throws -> String {
        Renderer.svg(for: try #require(try Samples.all().first { $0.0 == name }?.1))
    }

    @Test func emptyHistogramsGetANote() throws {
        #expect(try svg("edge-empty").contains(">no entries</text>"))
        #expect(try svg("edge-empty-map").contains(">no entries</text>"))
    }

    @Test func spikeIsDrawnAsAnOutlier() throws {
        let plot = try svg("dt-pt-spike-logy")
        // The red dots' path holds at least one marker.
        let redDots = plot.split(separator: "\n").first { $0.contains("stroke=\"\(Palette.outlier)\" stroke-width=") }
        #expect(redDots?.contains("h0") == true)
        #expect(plot.contains("|pull| ≥ 3"))
        #expect(plot.contains(">FLAGGED</text>"))
    }

    @Test func cleanPlotHasNoOutlierLegend() throws {
        #expect(try !svg("edge-all-equal").contains("|pull|"))
    }

    @Test func mapCellsHaveTooltipsAndRunsAreNamed() throws {
        let plot = try svg("csc-occupancy-hot")
        #expect(plot.contains("Run 315705 vs. 315000"))
        let tooltips = plot.components(separatedBy: "\npull ").count - 1
        #expect(tooltips > 600 && tooltips <= 36 * 20)
    }

    @Test func largeMapsKeepTooltipsForOutliersOnly() throws {
        var spec = try #require(try Samples.all().first { $0.0 == "dt-etaphi-hot" }?.1)
        spec.tooltipLimit = 50
        let plot = Renderer.svg(for: spec)
        let tooltips = plot.components(separatedBy: "\npull ").count - 1
        #expect(tooltips >= 3 && tooltips <= 50)
    }

    @Test func nanPullsLeaveCellsBlank() throws {
        let spec = try #require(try Samples.edgeCases().first { $0.0 == "edge-nan-pulls-map" }?.1)
        let plot = Renderer.svg(for: spec)
        // Of the six cells some have NaN pulls: only the others are coloured, and each of those has a tooltip.
        let panel = MapBuilder.panel(spec)
        let filled = panel.values.filter(\.isFinite).count
        #expect(filled < 6)
        #expect(plot.components(separatedBy: "<title>").count - 2 == filled)
    }

    @Test func regionsAreOutlined() throws {
        let plot = try svg("dt-occupancy-dead")
        #expect(plot.contains("<title>dead region: x 1–7, y 6–10</title>"))
        #expect(plot.contains("found region"))
    }

    @Test func variableBinsKeepTheirWidths() throws {
        let spec = try #require(try Samples.all().first { $0.0 == "csc-time-variable" }?.1)
        let axis = DrawnAxis(spec.data.xAxis, labels: nil, title: nil, log: false)
        let pixels = axis.pixelEdges(axis.scale(from: 0, to: 100))
        let widths = zip(pixels, pixels.dropFirst()).map { $1 - $0 }
        let edges = spec.data.xAxis.edges
        let span = edges.last! - edges.first!
        for (index, width) in widths.enumerated() {
            #expect(abs(width - 100 * (edges[index + 1] - edges[index]) / span) < 1e-9)
        }
        #expect(Set(widths.map { ($0 * 1000).rounded() }).count > 1)
    }

    @Test func aBinRangeDrawsOnlyThoseBins() throws {
        var spec = try #require(try Samples.all().first { $0.0 == "dt-pt-spike-logy" }?.1)
        let all = Renderer.svg(for: spec).components(separatedBy: "\ndata ").count - 1
        spec.xBins = 3...12
        spec.tooltipLimit = 1000
        let plot = Renderer.svg(for: spec)
        #expect(all > 10)
        #expect(plot.components(separatedBy: "\ndata ").count - 1 == 10)
        let axis = DrawnAxis(spec.data.xAxis, labels: nil, title: nil, log: false, bins: 3...12)
        #expect(axis.binCount == 10 && axis.lower == spec.data.xAxis.lowEdge(ofBin: 3) && axis.upper == spec.data.xAxis.upEdge(ofBin: 12))
    }

    @Test func logAxisNeedsPositiveEdges() throws {
        let negative = try Axis(binCount: 4, lowerEdge: -1, upperEdge: 3)
        #expect(!DrawnAxis(negative, labels: nil, title: nil, log: true).isLog)
        let positive = try Axis(binCount: 4, lowerEdge: 1, upperEdge: 1000)
        #expect(DrawnAxis(positive, labels: nil, title: nil, log: true).isLog)
    }

    @Test func kindFallsBackToWhatTheDimensionAllows() throws {
        let (data, _) = try Samples.pair("CSC/Run summary/CSCOfflineMonitor/Occupancy/hOccupancy")
        let spec = PlotSpec(kind: .overlay1D, data: data, title: "2D asked as 1D")
        #expect(Renderer.effectiveKind(spec) == .pullMap2D)
    }

    @Test func mismatchedInputsAreLeftOutNotFatal() throws {
        let (data, _) = try Samples.pair("CSC/Run summary/CSCOfflineMonitor/Kinematics/hPt")
        let (other, _) = try Samples.pair("CSC/Run summary/CSCOfflineMonitor/Kinematics/hEta")
        let spec = PlotSpec(kind: .overlay1D, data: data, reference: other, pulls: [1, 2, 3], title: "hPt")
        let plot = Renderer.svg(for: spec)
        #expect(plot.contains(">reference binning differs</text>"))
        #expect(!plot.contains(">pull</text>"))
    }
}
