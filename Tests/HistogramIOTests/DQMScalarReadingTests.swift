import Foundation
import Histogram
import HistogramIO
import ROOTIO
import Testing
import TestSupport

/// Scalars are read from key names alone and agree with the strings ROOT reads.
@Suite struct DQMScalarReadingTests {
    @Test func scalarsOfTheDataRun() throws {
        let file = try ROOTFile(url: Fixtures.dqmRun(315_705))
        let scalars = try file.dqmScalars()
        let runs = scalars.filter { $0.scalar.name == "iRun" }
        #expect(!runs.isEmpty)
        #expect(runs.allSatisfy { $0.scalar.value == .integer(315_705) })
        #expect(runs.contains { $0.directory == "DQMData/Run 315705/CSC/Run summary/EventInfo" })
        let golden = try Fixtures.dqmGolden(315_705).strings.compactMap { DQMScalar(parsing: $0.value) }
        #expect(scalars.map(\.scalar) == golden)
    }

    @Test func qualityTestOfTheClassesFixture() throws {
        let file = try ROOTFile(url: Fixtures.directory.appendingPathComponent("classes/classes.root"))
        let scalars = try file.dqmScalars()
        #expect(scalars.count == 2)
        #expect(scalars.contains { $0.directory == "outer/inner" && $0.scalar == DQMScalar(name: "deep", value: .integer(42)) })
        #expect(scalars.contains { $0.directory == "" && $0.scalar.name == "me" })
    }
}
