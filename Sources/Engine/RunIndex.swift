import Foundation
import Histogram
import HistogramIO
import ROOTIO

/// One opened input file and where each of its histograms is, by the path
/// below `DQMData/Run <run>/`.
struct RunIndex: Sendable {
    let file: ROOTFile
    let run: RunInfo
    /// Relative path → full key path, for every histogram or profile.
    let fullPaths: [String: String]
    /// Relative paths in the file's listing order.
    let order: [String]

    init(url: URL) throws(EngineError) {
        do {
            file = try ROOTFile(url: url)
            var fullPaths: [String: String] = [:]
            var order: [String] = []
            var run: Int?
            for listed in try file.listAllKeys() where ROOTClass(className: listed.key.className).isHistogram {
                let (pathRun, relative) = DQMPath.split(listed.path)
                run = run ?? pathRun
                // Several cycles list the same path; reading it picks the highest.
                if fullPaths.updateValue(listed.path, forKey: relative) == nil { order.append(relative) }
            }
            self.fullPaths = fullPaths
            self.order = order
            self.run = RunInfo(file: url.path, run: run ?? DQMPath.run(fromFileName: url.lastPathComponent))
        } catch {
            throw .cannotOpen(file: url.path, reason: "\(error)")
        }
    }

    /// The histogram at a relative path, as found in this file.
    func lookup(_ relativePath: String) -> Lookup {
        guard let path = fullPaths[relativePath] else { return .absent }
        do {
            return .found(try file.histogram(at: path))
        } catch {
            return .unreadable("\(error)")
        }
    }
}
