import Foundation
import Histogram
import Render
import TestSupport

/// Plot specs built from the fixture goldens (real shapes written by ROOT) and
/// from small hand-made histograms for the edge cases. Pulls are computed simply
/// here, (data − scaled ref) / √(σ²data + σ²ref), standing in for the comparators.
enum Samples {
    struct Goldens {
        let data: [String: Histogram]
        let reference: [String: Histogram]
    }

    static let goldens: Result<Goldens, any Error> = Result {
        func load(_ run: Int) throws -> [String: Histogram] {
            let dump = try Fixtures.dqmGolden(run)
            var byPath: [String: Histogram] = [:]
            for entry in dump.histograms {
                // Keys relative to the run folder, so data and reference line up.
                let relative = entry.path.split(separator: "/").dropFirst(2).joined(separator: "/")
                byPath[relative] = try entry.histogram()
            }
            return byPath
        }
        return Goldens(data: try load(Fixtures.dataRun), reference: try load(Fixtures.referenceRuns[0]))
    }

    static func pair(_ path: String) throws -> (data: Histogram, reference: Histogram) {
        let goldens = try goldens.get()
        guard let data = goldens.data[path], let reference = goldens.reference[path] else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        return (data, reference)
    }

    /// The reference scaled to the data's sum, as the comparators hand it over.
    static func scaled(_ reference: Histogram, to data: Histogram) throws -> Histogram {
        let factor = reference.sumOfWeights == 0 || reference.isProfile ? 1 : data.sumOfWeights / reference.sumOfWeights
        return try Histogram(
            className: reference.className, title: reference.title, axes: reference.axes,
            contents: reference.contents.map { $0 * factor },
            variances: reference.contents.indices.map { reference.variance(atGlobalBin: $0) * factor * factor },
            binEntries: reference.binEntries, entries: reference.entries)
    }

    static func pulls(_ data: Histogram, _ reference: Histogram) -> [Double] {
        data.contents.indices.map { bin in
            let variance = data.variance(atGlobalBin: bin) + reference.variance(atGlobalBin: bin)
            guard variance > 0, variance.isFinite else { return .nan }
            return (data.contents[bin] - reference.contents[bin]) / variance.squareRoot()
        }
    }

    static func comparison(
        _ name: String, _ path: String, kind: PlotSpec.Kind? = nil, logY: Bool = false,
        flagged: Bool = false, highlights: [BinRegion] = [], width: Int = 640, height: Int = 480
    ) throws -> (String, PlotSpec) {
        let (data, rawReference) = try pair(path)
        let reference = try scaled(rawReference, to: data)
        let spec = PlotSpec(
            kind: kind ?? PlotSpec.defaultKind(for: data), data: data, reference: reference,
            pulls: pulls(data, reference), title: path.components(separatedBy: "/").suffix(2).joined(separator: "/"),
            dataRun: String(Fixtures.dataRun), referenceRuns: [String(Fixtures.referenceRuns[0])],
            logY: logY, flagged: flagged, highlights: highlights, width: width, height: height)
        return (name, spec)
    }

    /// Every sample plot by a file-friendly name, in a fixed order.
    static func all() throws -> [(String, PlotSpec)] {
        try fixturePlots() + edgeCases()
    }

    static func fixturePlots() throws -> [(String, PlotSpec)] {
        [
            try comparison("csc-occupancy-hot", "CSC/Run summary/CSCOfflineMonitor/Occupancy/hOccupancy", flagged: true),
            try comparison(
                "dt-occupancy-dead", "DT/Run summary/DTOfflineMonitor/Occupancy/hOccupancy", flagged: true,
                highlights: [BinRegion(xBins: 1...7, yBins: 6...10, label: "dead region: x 1–7, y 6–10")]),
            try comparison("dt-etaphi-hot", "DT/Run summary/DTOfflineMonitor/Occupancy/hEtaPhi", flagged: true),
            try comparison("csc-status-labels", "CSC/Run summary/CSCOfflineMonitor/Quality/hStatus"),
            try comparison("csc-time-variable", "CSC/Run summary/CSCOfflineMonitor/Timing/hTime"),
            try comparison("dt-pt-spike-logy", "DT/Run summary/DTOfflineMonitor/Kinematics/hPt", logY: true, flagged: true),
            try comparison(
                "rpc-pt-dead-bins", "RPC/Run summary/RPCOfflineMonitor/Kinematics/hPt", flagged: true,
                highlights: [BinRegion(xBins: 50...59, label: "dead bins 50–59")]),
            try comparison("csc-profile", "CSC/Run summary/CSCOfflineMonitor/Trends/pMeanVsLS"),
            try comparison("csc-profile2d", "CSC/Run summary/CSCOfflineMonitor/Trends/pMap"),
            try comparison("csc-th3", "CSC/Run summary/CSCOfflineMonitor/Volume/h3Pos", width: 800, height: 640),
        ]
    }

    static func edgeCases() throws -> [(String, PlotSpec)] {
        let axis = try Axis(binCount: 5, lowerEdge: 0, upperEdge: 5, title: "x <&> \"axis\"")
        let labelled = try Axis(
            binCount: 3, lowerEdge: 0, upperEdge: 3,
            labels: [1: "<b>bold</b>", 2: "A & B", 3: "\"quoted\" 'label' that is much too long to fit"])
        let empty = try Histogram(className: "TH1F", axes: [axis], contents: Array(repeating: 0, count: 7), entries: 0)
        let flat = try Histogram(className: "TH1F", axes: [axis], contents: [0, 7, 7, 7, 7, 7, 0], entries: 35)
        let single = try Histogram(
            className: "TH1F", axes: [try Axis(binCount: 1, lowerEdge: -1, upperEdge: 1)], contents: [0, 42, 0], entries: 42)
        let huge = try Histogram(
            className: "TH1D", axes: [axis], contents: [0, 3e12, 8.5e12, 1.2e13, 4e12, 2.5e11, 0], entries: 2.8e13)
        let labels = try Histogram(className: "TH1S", axes: [labelled], contents: [0, 3, 1, 2, 0], entries: 6)
        let logEdges = (0...40).map { pow(10, Double($0) / 10) }
        let logAxis = try Axis(binCount: 40, lowerEdge: 1, upperEdge: 1e4, variableEdges: logEdges, title: "E_{T} [GeV]")
        let falling = try Histogram(
            className: "TH1F", axes: [logAxis], contents: [0] + (1...40).map { 1e5 * pow(0.8, Double($0)) } + [0], entries: 4e5)
        let mapAxes = [try Axis(binCount: 3, lowerEdge: 0, upperEdge: 3), try Axis(binCount: 2, lowerEdge: 0, upperEdge: 2)]
        let map = try Histogram(className: "TH2F", axes: mapAxes, contents: (0..<20).map { Double($0 % 7) }, entries: 60)
        let emptyMap = try Histogram(className: "TH2F", axes: mapAxes, contents: Array(repeating: 0, count: 20), entries: 0)
        return [
            ("edge-logx-logy", PlotSpec(
                kind: .overlay1D, data: falling, reference: falling,
                pulls: [.nan] + (1...40).map { sin(Double($0)) * 2 } + [.nan], title: "log x and log y, #eta-independent",
                dataRun: "1", referenceRuns: ["2", "3", "4", "5", "6"], logX: true, logY: true)),
            ("edge-empty", PlotSpec(kind: .overlay1D, data: empty, reference: empty, title: "empty", dataRun: "1", referenceRuns: ["2"])),
            ("edge-empty-map", PlotSpec(kind: .pullMap2D, data: emptyMap, title: "empty map", dataRun: "1")),
            ("edge-all-equal", PlotSpec(kind: .overlay1D, data: flat, reference: flat, pulls: Array(repeating: 0, count: 7), title: "all equal")),
            ("edge-single-bin", PlotSpec(kind: .overlay1D, data: single, title: "single bin", dataRun: "9")),
            ("edge-huge-counts", PlotSpec(kind: .overlay1D, data: huge, reference: huge, title: "huge counts", logY: true)),
            ("edge-escaped-labels", PlotSpec(
                kind: .overlay1D, data: labels, reference: labels, pulls: [.nan, 5, -.infinity, .nan, .nan],
                title: "<script>alert('x')</script> & \"more\"", dataRun: "<1>", referenceRuns: ["&2"])),
            ("edge-nan-pulls-map", PlotSpec(
                kind: .pullMap2D, data: map, reference: map, pulls: (0..<20).map { $0 % 3 == 0 ? .nan : Double($0) - 10 },
                title: "map with NaN pulls", xLabels: ["a<", "b>", "c&"], yLabels: ["\"y1\"", "y2"])),
        ]
    }
}
