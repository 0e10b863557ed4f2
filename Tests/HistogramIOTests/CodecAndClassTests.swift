import Foundation
import Histogram
import HistogramIO
import ROOTIO
import Testing
import TestSupport

/// Files written by real ROOT 6.40 with every codec, and one with every modelled class.
@Suite struct CodecAndClassTests {
    static let compressionFolder = Fixtures.directory.appendingPathComponent("compression")
    static let settings = [0, 207, 404, 505]

    static func compressed(_ setting: Int) -> URL {
        compressionFolder.appendingPathComponent("run315000-compress\(setting).root")
    }

    static func golden(of root: URL) throws -> FileDump {
        let url = root.deletingPathExtension().appendingPathExtension("golden.json.gz")
        return try Fixtures.decodeJSON(FileDump.self, gzipped: url)
    }

    @Test(arguments: settings)
    func everyCodecMatchesItsGolden(setting: Int) throws {
        let file = try ROOTFile(url: Self.compressed(setting))
        #expect(file.header.compression == setting)
        GoldenComparison.expectMatches(try file.dump(), try Self.golden(of: Self.compressed(setting)))
    }

    @Test func everyCodecReadsIdentically() throws {
        let dumps = try Self.settings.map { try ROOTFile(url: Self.compressed($0)).dump() }
        for dump in dumps.dropFirst() {
            #expect(dump.histograms == dumps[0].histograms)
            #expect(dump.strings == dumps[0].strings)
        }
    }

    @Test func everyModelledClassMatchesItsGolden() throws {
        let root = Fixtures.directory.appendingPathComponent("classes/classes.root")
        let file = try ROOTFile(url: root)
        GoldenComparison.expectMatches(try file.dump(), try Self.golden(of: root))
    }

    @Test func cyclesAndSkippedClassesAreListed() throws {
        let file = try ROOTFile(url: Fixtures.directory.appendingPathComponent("classes/classes.root"))
        #expect(try file.histogram(at: "cycled").title == "second cycle")
        #expect(try file.histogram(at: "cycled;1").title == "first cycle")
        #expect(try file.histogram(at: "outer/inner/deep").entries == 1)
        var others: [String: String] = [:]
        try file.walk { entry in
            if case let .other(path, _, className) = entry { others[path] = className }
        }
        #expect(others["outer/inner/graph"] == "TGraph")
        #expect(others["outer/inner/named"] == "TNamed")
        #expect(others["outer"] == "TDirectory")
        #expect(throws: ROOTIOError.self) { try file.histogram(at: "outer/inner/graph") }
    }

    struct ProfileStatistics: Decodable {
        let mean: [Double]
        let stddev: [Double]
    }

    /// Every profile's GetMean/GetStdDev including its value axis (which goldens do not
    /// hold), as ROOT 6.40 printed them when writing classes.root; ROOT's GetMean takes
    /// axes 1–3 only, so a TProfile3D's value axis is not compared.
    @Test func profileStatisticsMatchROOT() throws {
        let folder = Fixtures.directory.appendingPathComponent("classes")
        let file = try ROOTFile(url: folder.appendingPathComponent("classes.root"))
        let expected = try JSONDecoder().decode(
            [String: ProfileStatistics].self, from: Data(contentsOf: folder.appendingPathComponent("profile-statistics.json")))
        #expect(expected.count == 7)
        for (name, statistics) in expected {
            let histogram = try file.histogram(at: name)
            for axis in 0..<min(statistics.mean.count, 3) {
                GoldenComparison.expectClose(
                    [histogram.mean(axis: axis), histogram.standardDeviation(axis: axis)],
                    [statistics.mean[axis], statistics.stddev[axis]], "\(name) axis \(axis)", #_sourceLocation)
            }
        }
    }

    @Test func twoBlockObjectIsReassembled() throws {
        let file = try ROOTFile(url: Fixtures.directory.appendingPathComponent("classes/twoblocks.root"))
        let record = try file.histogramRecord(at: "twoblocks")
        #expect(record.cellCount == 2_500_002)
        #expect(record.cells[99_992] == Double(99_992 % 7 + 1))
        #expect(record.cells[99_993] == 0)
        let filled = stride(from: 1, through: 2_500_000, by: 99_991).map { Double($0 % 7 + 1) }
        #expect(record.cells.reduce(0, +) == filled.reduce(0, +))
    }
}
