import Foundation
import Histogram
import HistogramIO
import ROOTIO
import Testing
import TestSupport

/// One `ROOTFile` serves many concurrent readers (the Engine reads histograms in parallel).
@Suite struct ConcurrentReadingTests {
    struct NotAHistogram: Error {}

    @Test func concurrentReadsMatchSequentialReads() async throws {
        let file = try ROOTFile(url: Fixtures.dqmRun(315_705))
        let listed = try file.listAllKeys().filter { ROOTClass(className: $0.key.className).isHistogram }
        let sequential = try listed.map { try file.histogram(at: $0.path) }
        let concurrent = try await withThrowingTaskGroup(of: (Int, Histogram).self) { group in
            for (index, item) in listed.enumerated() {
                group.addTask {
                    guard case let .histogram(_, _, histogram) = try file.entry(item) else { throw NotAHistogram() }
                    return (index, histogram)
                }
            }
            var histograms = [Histogram?](repeating: nil, count: listed.count)
            for try await (index, histogram) in group { histograms[index] = histogram }
            return histograms
        }
        #expect(listed.count > 250)
        #expect(concurrent == sequential.map(Optional.some))
    }
}
