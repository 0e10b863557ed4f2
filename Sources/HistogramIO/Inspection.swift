import Foundation
import Histogram
public import ROOTIO

/// What `autodqm inspect` prints: a tree for people, or the golden JSON document.
public enum Inspection {
    /// `root_dump.py`'s JSON document for the file (non-finite numbers as null).
    public static func json(_ file: ROOTFile) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]  // the same file always prints the same text
        return String(decoding: try encoder.encode(try file.dump()), as: UTF8.self)
    }

    /// The directory tree with, for each object, its class, bins and entries.
    public static func tree(_ file: ROOTFile) throws -> String {
        let header = file.header
        let version = "\(header.rootVersion / 10000).\(String(format: "%02d/%02d", header.rootVersion / 100 % 100, header.rootVersion % 100))"
        var lines = ["\(file.path): ROOT \(version), \(file.fileSize) bytes, compression \(header.compression)"]
        for listed in try file.listAllKeys() {
            let indent = String(repeating: "  ", count: listed.depth)
            let cycle = listed.key.cycle == 1 ? "" : ";\(listed.key.cycle)"
            let name = listed.key.name + cycle + (listed.key.isDirectory ? "/" : "")
            lines.append("\(indent)\(name)  \(listed.key.className)\(try details(listed, in: file))")
        }
        return lines.joined(separator: "\n")
    }

    private static func details(_ listed: ListedKey, in file: ROOTFile) throws -> String {
        guard ROOTClass(className: listed.key.className).isHistogram,
              case let .histogram(_, _, histogram) = try file.entry(listed)
        else { return "" }
        let bins = histogram.axes.map { String($0.binCount) }.joined(separator: "×")
        return "  \(bins) bins  \(number(histogram.entries)) entries"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
