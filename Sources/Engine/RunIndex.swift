import Foundation
import Histogram
import HistogramIO
import ROOTIO

/// One opened input file and where each of its histograms is, by the path
/// below `DQMData/Run <run>/`.
///
/// The keys found while listing are kept, so reading a histogram touches only
/// its own record instead of walking the directories again.
struct RunIndex: Sendable {
    let file: ROOTFile
    let run: RunInfo
    /// Relative path → the key of its highest cycle, for every histogram or profile.
    let keys: [String: ListedKey]
    /// Relative paths in the file's listing order.
    let order: [String]

    init(url: URL) throws(EngineError) {
        do {
            file = try ROOTFile(url: url)
            var keys: [String: ListedKey] = [:]
            var order: [String] = []
            var run: Int?
            for listed in try file.listAllKeys() where ROOTClass(className: listed.key.className).isHistogram {
                let (pathRun, relative) = DQMPath.split(listed.path)
                run = run ?? pathRun
                if let seen = keys[relative] {
                    if listed.key.cycle > seen.key.cycle { keys[relative] = listed }
                } else {
                    keys[relative] = listed
                    order.append(relative)
                }
            }
            self.keys = keys
            self.order = order
            self.run = RunInfo(file: url.path, run: run ?? DQMPath.run(fromFileName: url.lastPathComponent))
        } catch {
            throw .cannotOpen(file: url.path, reason: "\(error)")
        }
    }

    /// The histogram at a relative path, as found in this file.
    func lookup(_ relativePath: String) -> Lookup {
        guard let listed = keys[relativePath] else { return .absent }
        do {
            guard case let .histogram(_, _, histogram) = try file.entry(listed) else {
                return .unreadable("\(listed.key.className) is not a histogram")
            }
            return .found(histogram)
        } catch {
            return .unreadable("\(error)")
        }
    }
}
