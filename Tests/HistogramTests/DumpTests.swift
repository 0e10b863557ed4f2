import Foundation
import Histogram
import Testing
import TestSupport

@Suite struct DumpTests {
    /// Every golden histogram survives dump → model → dump unchanged, so the model
    /// holds everything ROOT reports (contents, errors, statistics, labels, edges).
    @Test(arguments: Fixtures.referenceRuns.prefix(1) + [Fixtures.dataRun])
    func goldenRoundTripsThroughTheModel(run: Int) throws {
        let golden = try Fixtures.dqmGolden(run)
        #expect(golden.histograms.count > 250)
        for dump in golden.histograms {
            let histogram = try dump.histogram()
            let again = HistogramDump(path: dump.path, cycle: dump.cycle, histogram: histogram)
            #expect(again.axes == dump.axes, "\(dump.path)")
            #expect(again.contents == dump.contents, "\(dump.path)")
            #expect(again.binEntries == dump.binEntries, "\(dump.path)")
            expectClose(again.errors, dump.errors, dump.path)
            expectClose(again.mean, dump.mean, dump.path)
            expectClose(again.stddev, dump.stddev, dump.path)
            expectClose([again.sumw], [dump.sumw], dump.path)
        }
    }

    @Test func cellCountsAreValidated() throws {
        let axis = try Axis(binCount: 3, lowerEdge: 0, upperEdge: 3)
        #expect(throws: HistogramError.cellCountMismatch(what: "contents", expected: 5, actual: 3)) {
            try Histogram(className: "TH1F", axes: [axis], contents: [1, 2, 3], entries: 6)
        }
    }

    @Test func statisticsFromBinsMatchROOTsFallback() throws {
        let axis = try Axis(binCount: 2, lowerEdge: 0, upperEdge: 2)
        let histogram = try Histogram(className: "TH1D", axes: [axis], contents: [5, 1, 3, 7], entries: 4)
        #expect(histogram.sumOfWeights == 4)
        #expect(histogram.mean(axis: 0) == (0.5 + 3 * 1.5) / 4)
        #expect(histogram.isWeighted == false)
        #expect(histogram.errors[2] == 3.0.squareRoot())
    }

    private func expectClose(_ actual: [Double?], _ expected: [Double?], _ path: String) {
        #expect(actual.count == expected.count, "\(path)")
        for (a, e) in zip(actual, expected) {
            guard let a, let e else {
                #expect(a == nil && e == nil, "\(path)")
                continue
            }
            #expect(abs(a - e) <= 1e-9 * max(1, abs(e)), "\(path): \(a) vs \(e)")
        }
    }
}
