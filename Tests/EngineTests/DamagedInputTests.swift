import Foundation
import ROOTIO
import Testing
import TestSupport
@testable import Engine

/// Untrusted files: one damaged histogram spoils its own result, not the report.
@Suite struct DamagedInputTests {
    @Test func aHistogramThatCannotBeReadIsReportedAndTheRestCompared() async throws {
        let original = Fixtures.dqmRun(Fixtures.dataRun)
        let damagedPath = "CSC/Run summary/CSCOfflineMonitor/Kinematics/hPt"
        let listed = try #require(try ROOTFile(path: original.path).listAllKeys().first {
            $0.path == "DQMData/Run \(Fixtures.dataRun)/\(damagedPath)"
        })
        // Invert the second quarter of the compressed payload (past the 9-byte block header).
        var bytes = try Data(contentsOf: original)
        let payload = listed.key.seekKey + listed.key.headerBytes + 9
        let length = listed.key.recordBytes - listed.key.headerBytes - 9
        for offset in (payload + length / 4)..<(payload + length / 2) { bytes[offset] ^= 0xFF }
        let damaged = FileManager.default.temporaryDirectory.appendingPathComponent("damaged-\(UUID()).root")
        defer { try? FileManager.default.removeItem(at: damaged) }
        try bytes.write(to: damaged)

        let request = ComparisonRequest(
            data: damaged, references: [Fixtures.dqmRun(315_000)], scope: .everything(comparators: ["chi2_test"]))
        let report = try await Engine.compare(request)
        let result = try #require(report.results.first { $0.path == damagedPath })
        #expect(result.status == .notComparable && result.display)
        #expect(result.notes.contains { $0.hasPrefix("data: cannot read") }, "\(result.notes)")
        #expect(report.results.count == 288)
        #expect(report.results.filter { $0.status == .notComparable }.count == 1)
    }
}
