public import Foundation
public import Histogram
import HistogramIO
public import ROOTIO
import Synchronization

/// A ROOT file as RelMon walks it. Directory key lists are read once and kept, so reading
/// a histogram is one key lookup and one record read, from any thread.
public final class ROOTSource: HistogramSource {
    public let file: ROOTFile
    private let directories = Mutex<[[String]: Listing]>([:])

    /// A directory with its keys by name (highest cycle), for lookups without scanning.
    private struct Listing {
        var directory: Directory
        var keys: [String: Key]

        init(_ directory: Directory) {
            self.directory = directory
            keys = [:]
            for key in directory.keys where key.cycle > (keys[key.name]?.cycle ?? Int.min) { keys[key.name] = key }
        }
    }

    public init(url: URL) throws {
        do { file = try ROOTFile(url: url) } catch {
            // The reader's message names the file too; say it once.
            throw RelMonError.unreadable(file: url.path, reason: "\(error)".replacingOccurrences(of: url.path + ", ", with: ""))
        }
    }

    public var name: String { file.path }

    public func entries(in path: [String]) throws -> [SourceEntry] {
        try listing(path).directory.keys.map { key in
            SourceEntry(name: key.name, kind: key.isDirectory ? .directory : .object(className: key.className))
        }
    }

    public func histogram(at path: [String]) throws -> Histogram {
        guard let name = path.last else { throw RelMonError.unreadable(file: file.path, reason: "empty histogram path") }
        let keyPath = path.joined(separator: "/")
        guard let key = try listing(Array(path.dropLast())).keys[name] else {
            throw RelMonError.unreadable(file: file.path, reason: "no key \(keyPath)")
        }
        guard case .histogram(let record) = try file.object(of: key, keyPath: keyPath) else {
            throw RelMonError.unreadable(file: file.path, reason: "\(keyPath) is a \(key.className), not a histogram")
        }
        do { return try Histogram(record) } catch {
            throw RelMonError.unreadable(file: file.path, reason: "\(keyPath): \(error)")
        }
    }

    private func listing(_ path: [String]) throws -> Listing {
        if let known = directories.withLock({ $0[path] }) { return known }
        let listing: Listing
        if let name = path.last {
            let parent = try self.listing(Array(path.dropLast()))
            guard let key = parent.keys[name], key.isDirectory else {
                throw RelMonError.directoryMissing(file: file.path, path: path.joined(separator: "/"))
            }
            listing = Listing(try file.subdirectory(key, of: parent.directory))
        } else {
            listing = Listing(file.top)
        }
        directories.withLock { $0[path] = listing }
        return listing
    }
}
