import Engine
import Foundation
import Histogram
import HistogramIO
import ROOTIO

/// One histogram's bins in the data run and each reference, read again from
/// the run files the result was computed from (while the store still has them).
struct HistogramBins: Encodable {
    var path: String
    /// `nil` where the file lacks the histogram.
    var data: Histogram?
    var refs: [Histogram?]

    enum Failure: Error {
        /// A run file has left the store (evicted or deleted).
        case fileGone(String)
    }

    init(report: Report, path: String) throws {
        self.path = path
        data = try Self.read(report.data, path)
        refs = try report.refs.map { try Self.read($0, path) }
    }

    private static func read(_ run: RunInfo, _ path: String) throws -> Histogram? {
        guard FileManager.default.fileExists(atPath: run.file) else { throw Failure.fileGone(run.file) }
        let file = try ROOTFile(path: run.file)
        let inFile = run.run.map { "DQMData/Run \($0)/\(path)" } ?? path
        do {
            return try file.histogram(at: inFile)
        } catch {
            if case .notFound = error.reason { return nil }
            throw error
        }
    }
}
