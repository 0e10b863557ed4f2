public import Histogram

/// The histograms of a golden dump (`root_dump.py`'s JSON) as a walkable tree: how RelMon
/// runs on what real ROOT read, and how `autodqm` compares dumps.
public struct DumpSource: HistogramSource {
    public let name: String
    private let listings: [[String]: [SourceEntry]]
    private let histograms: [[String]: HistogramDump]

    public init(_ dump: FileDump) {
        name = dump.file
        var listings: [[String]: [SourceEntry]] = [:]
        var histograms: [[String]: HistogramDump] = [:]
        for histogram in dump.histograms {
            let components = histogram.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            guard let leaf = components.last, histograms[components] == nil else { continue }
            histograms[components] = histogram
            // Register each directory of the path in its parent, once, in first-seen order.
            for depth in 0..<(components.count - 1) {
                let parent = Array(components[..<depth]), directory = components[depth]
                if !(listings[parent]?.contains { $0.name == directory } ?? false) {
                    listings[parent, default: []].append(SourceEntry(name: directory, kind: .directory))
                }
            }
            listings[Array(components.dropLast()), default: []]
                .append(SourceEntry(name: leaf, kind: .object(className: histogram.className)))
        }
        self.listings = listings
        self.histograms = histograms
    }

    public func entries(in directory: [String]) throws -> [SourceEntry] {
        if let listing = listings[directory] { return listing }
        if directory.isEmpty { return [] }
        throw RelMonError.directoryMissing(file: name, path: directory.joined(separator: "/"))
    }

    public func histogram(at path: [String]) throws -> Histogram {
        guard let dump = histograms[path] else {
            throw RelMonError.unreadable(file: name, reason: "no histogram at \(path.joined(separator: "/"))")
        }
        do { return try dump.histogram() } catch {
            throw RelMonError.unreadable(file: name, reason: "\(path.joined(separator: "/")): \(error)")
        }
    }
}
