public import Foundation

/// RelMon's directory blacklist, `-B NAME@LEVEL[,NAME@LEVEL...]` (`string2blacklist`,
/// `DirID.__eq__`).
///
/// A name is a regular expression matched either way round as a substring search:
/// `Track@1` drops `Tracking` and `TrackerDigisV`, and a directory named `HLT` is dropped
/// by `HLTJETMET@1` too. A negative level matches at every depth but the top (0).
/// `__` stands for a space (`By__Lumi__Section`). `mother/daughter` also requires the
/// directory's parent to be named `mother`; RelMon's file walker never set parents, so it
/// ignored that part.
public struct DirectoryBlacklist: Sendable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var depth: Int
        public var mother: String?
    }

    public private(set) var entries: [Entry] = []
    private var patterns: [Regex] = []

    public init() {}

    public init(_ specification: String) throws(RelMonError) {
        let text = specification.replacingOccurrences(of: "__", with: " ")
        for element in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !element.isEmpty {
            guard let at = element.lastIndex(of: "@") else {
                throw .malformedBlacklist(entry: element, reason: "expected NAME@LEVEL")
            }
            guard let depth = Int(element[element.index(after: at)...]) else {
                throw .malformedBlacklist(entry: element, reason: "the level is not an integer")
            }
            var name = String(element[..<at]), mother: String?
            if let slash = name.lastIndex(of: "/") {
                mother = String(name[..<slash])
                name = String(name[name.index(after: slash)...])
            }
            guard let pattern = Regex(name) else {
                throw .malformedBlacklist(entry: element, reason: "'\(name)' is not a regular expression")
            }
            let entry = Entry(name: name, depth: depth, mother: mother)
            guard !entries.contains(entry) else { continue }
            entries.append(entry)
            patterns.append(pattern)
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Whether the directory `name` at `depth` (the compared top is 0), inside `mother`, is dropped.
    public func contains(_ name: String, depth: Int, mother: String?) -> Bool {
        zip(entries, patterns).contains { entry, pattern in
            guard entry.depth == depth || entry.depth * depth < 0 else { return false }
            if let wanted = entry.mother, let mother, !wanted.isEmpty, !mother.isEmpty, wanted != mother {
                return false
            }
            return pattern.found(in: name) || (Regex(name)?.found(in: entry.name) ?? false)
        }
    }

    /// A compiled `re.search` pattern.
    private struct Regex: @unchecked Sendable {
        // NSRegularExpression is immutable and documented as thread-safe.
        let expression: NSRegularExpression

        init?(_ pattern: String) {
            // Python's empty pattern matches everywhere; NSRegularExpression refuses it.
            guard let expression = try? NSRegularExpression(pattern: pattern.isEmpty ? "(?:)" : pattern) else { return nil }
            self.expression = expression
        }

        func found(in text: String) -> Bool {
            expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }
}

/// RelMon's per-histogram blacklist file (`--use_black_file`, `data/blacklist.txt`): one
/// `Subsystem/dir/.../histogram` path per line, relative to the run directory and written
/// without `Run summary`, which is inserted as the second component before matching exactly.
/// Empty lines and `#` comments are ignored.
public struct HistogramBlacklist: Sendable, Equatable {
    public private(set) var paths: Set<String> = []

    public init() {}

    public init(contents: String) {
        for line in contents.split(whereSeparator: \.isNewline) {
            let path = line.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty, !path.hasPrefix("#") else { continue }
            var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            components.insert(RelMonDirectory.runSummary, at: min(1, components.count))
            paths.insert(components.joined(separator: "/"))
        }
    }

    public init(file: URL) throws(RelMonError) {
        // Through a file handle, so pipes such as `<(...)` work too.
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw .unreadable(file: file.path, reason: "cannot open")
        }
        defer { try? handle.close() }
        do { self.init(contents: String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)) } catch {
            throw .unreadable(file: file.path, reason: error.localizedDescription)
        }
    }

    public var isEmpty: Bool { paths.isEmpty }

    /// Whether the walker path (below the run directory, `Run summary` included) is listed.
    public func contains(_ walkerPath: String) -> Bool { paths.contains(walkerPath) }
}
