public import Foundation
public import Histogram
import HistogramIO
public import ROOTIO
import Synchronization

/// A ROOT file as RelMon walks it. Directory key lists are read once and kept, so reading
/// a histogram is one key lookup and one record read, from any thread.
public final class ROOTSource: HistogramSource {
    public let file: ROOTFile
    private let directories = Mutex<[[String]: Directory]>([:])

    public init(url: URL) throws {
        do { file = try ROOTFile(url: url) } catch {
            // The reader's message names the file too; say it once.
            throw RelMonError.unreadable(file: url.path, reason: "\(error)".replacingOccurrences(of: url.path + ", ", with: ""))
        }
    }

    public var name: String { file.path }

    public func entries(in path: [String]) throws -> [SourceEntry] {
        try directory(path).keys.map { key in
            SourceEntry(name: key.name, kind: key.isDirectory ? .directory : .object(className: key.className))
        }
    }

    public func histogram(at path: [String]) throws -> Histogram {
        guard let name = path.last else { throw RelMonError.unreadable(file: file.path, reason: "empty histogram path") }
        let parent = try directory(Array(path.dropLast()))
        let keyPath = path.joined(separator: "/")
        guard let key = parent.key(named: name) else {
            throw RelMonError.unreadable(file: file.path, reason: "no key \(keyPath)")
        }
        guard case .histogram(let record) = try file.object(of: key, keyPath: keyPath) else {
            throw RelMonError.unreadable(file: file.path, reason: "\(keyPath) is a \(key.className), not a histogram")
        }
        do { return try Histogram(record) } catch {
            throw RelMonError.unreadable(file: file.path, reason: "\(keyPath): \(error)")
        }
    }

    private func directory(_ path: [String]) throws -> Directory {
        if let known = directories.withLock({ $0[path] }) { return known }
        let directory: Directory
        if let name = path.last {
            let parent = try self.directory(Array(path.dropLast()))
            guard let key = parent.key(named: name), key.isDirectory else {
                throw RelMonError.directoryMissing(file: file.path, path: path.joined(separator: "/"))
            }
            directory = try file.subdirectory(key, of: parent)
        } else {
            directory = file.top
        }
        directories.withLock { $0[path] = directory }
        return directory
    }
}
