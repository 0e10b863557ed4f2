import Foundation
import ROOTIO
import Testing
import TestSupport

/// Random access: nothing is read that was not asked for.
@Suite struct RandomAccessTests {
    @Test func listingReadsOnlyKeysListsAndReadingOnlyTheRecord() throws {
        let file = try ROOTFile(path: Fixtures.dqmRun(315_705).path)
        #expect(file.bytesRead < 1024)
        let listed = try file.listAllKeys()
        let afterListing = file.bytesRead
        // Keys lists hold about 100 bytes per key; the objects themselves are not read.
        #expect(afterListing < 200 * listed.count)
        #expect(afterListing < file.fileSize / 5)
        let histogram = try #require(listed.first { $0.key.className == "TH2F" })
        _ = try file.object(of: histogram.key, keyPath: histogram.path)
        #expect(file.bytesRead - afterListing == histogram.key.recordBytes - histogram.key.headerBytes)
    }
}
