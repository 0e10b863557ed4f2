import Foundation
import Histogram
import Testing
import TestSupport
@testable import RelMon

/// The ROOT reader as RelMon walks it, against what real ROOT read (the golden dump).
struct ROOTSourceTests {
    @Test func listsAndReadsWhatROOTRead() throws {
        let source = try ROOTSource(url: Fixtures.dqmRun(315_705))
        let golden = DumpSource(try Fixtures.dqmGolden(315_705))
        let top = try RunDirectory.locate(in: source)
        #expect(top.path == ["DQMData", "Run 315705"])
        var directories = [top.path], histograms = 0
        while let directory = directories.popLast() {
            let entries = try source.entries(in: directory)
            let relevant = entries.filter { $0.kind == .directory || $0.histogramClass != nil }
            let expected = (try? golden.entries(in: directory)) ?? []
            // The dump lists only directories holding histograms; the file may have more.
            #expect(Set(expected.map(\.name)).isSubset(of: Set(relevant.map(\.name))), "\(directory)")
            for entry in relevant {
                let path = directory + [entry.name]
                if entry.kind == .directory {
                    directories.append(path)
                    continue
                }
                let histogram = try source.histogram(at: path), reference = try golden.histogram(at: path)
                #expect(histogram.className == reference.className && histogram.axes == reference.axes)
                #expect(histogram.contents == reference.contents, "\(path)")
                histograms += 1
            }
        }
        #expect(histograms == 287)
    }

    @Test func unreadableFilesAreNamed() throws {
        let bogus = FileManager.default.temporaryDirectory.appendingPathComponent("relmon-not-root-\(UUID().uuidString).root")
        try Data("not a ROOT file".utf8).write(to: bogus)
        defer { try? FileManager.default.removeItem(at: bogus) }
        #expect { try ROOTSource(url: bogus) } throws: { error in
            guard case RelMonError.unreadable(let file, _) = error else { return false }
            return file == bogus.path
        }
    }
}
