/// How a wildcard name selects histograms.
public enum WildcardMode: Sendable, Hashable, Codable {
    /// A real glob on the whole name (this project's default).
    case glob
    /// AutoDQM's rule: any name *containing* the text before the first `*`.
    case autodqmSubstring
}

/// Where a set of histogram paths came from, for "matched nothing" reports.
public enum MatchSource: Sendable, Hashable, Codable, CustomStringConvertible {
    case data
    /// The reference at this index of the list given.
    case reference(Int)

    public var description: String {
        switch self {
        case .data: "data"
        case let .reference(index): "reference \(index + 1)"
        }
    }
}

/// One histogram to compare: a data path selected by an entry.
public struct PlannedHistogram: Sendable, Hashable, Codable {
    /// Index into `Subsystem.entries`.
    public var entryIndex: Int
    /// Path relative to the main directory, as found in the data.
    public var path: String
    /// References (indices) that do not hold this path.
    public var missingInReferences: [Int]
    /// `concatenate` siblings absent from the data or some reference (the comparison runs without them).
    public var missingConcatenated: [String]

    public init(entryIndex: Int, path: String, missingInReferences: [Int], missingConcatenated: [String]) {
        self.entryIndex = entryIndex
        self.path = path
        self.missingInReferences = missingInReferences
        self.missingConcatenated = missingConcatenated
    }
}

/// An entry that selected no histogram in one file.
public struct UnmatchedEntry: Sendable, Hashable, Codable {
    public var entryIndex: Int
    public var path: String
    public var source: MatchSource

    public init(entryIndex: Int, path: String, source: MatchSource) {
        self.entryIndex = entryIndex
        self.path = path
        self.source = source
    }
}

/// What a subsystem's entries select in a data file and its references.
public struct MatchPlan: Sendable, Hashable, Codable {
    /// In entry order, then path order within an entry.
    public var histograms: [PlannedHistogram]
    /// Entries that matched nothing, for the data and for each reference separately.
    public var unmatched: [UnmatchedEntry]
}

extension Subsystem {
    /// The paths (relative to the main directory, `dir/name`) that each entry selects,
    /// in entry order; paths are sorted within an entry.
    public func matches(in paths: some Sequence<String>, mode: WildcardMode = .glob) -> [[String]] {
        let byDirectory = Dictionary(grouping: paths.map(Self.split), by: \.directory)
        return entries.map { entry in
            let candidates = byDirectory[entry.directory] ?? []
            if let literal = entry.name.literalName, mode == .glob || !entry.name.pattern.contains("*") {
                return candidates.contains { $0.name == literal } ? [entry.path(ofHistogram: literal)] : []
            }
            return candidates
                // Scalar monitor elements are TObjString keys like `<iRun>i=1</iRun>`: never histograms.
                .filter { !$0.name.contains("<") && !$0.directory.contains("<") && Self.wildcard(entry.name, matches: $0.name, mode: mode) }
                .map { entry.path(ofHistogram: $0.name) }
                .sorted()
        }
    }

    /// Pairs what the entries select in the data with the references, and lists the
    /// entries that selected nothing in each file.
    public func plan(data: [String], references: [[String]], mode: WildcardMode = .glob) -> MatchPlan {
        let dataMatches = matches(in: data, mode: mode)
        let referenceMatches = references.map { matches(in: $0, mode: mode) }
        let referenceSets = references.map(Set.init)
        let dataSet = Set(data)
        var plan = MatchPlan(histograms: [], unmatched: [])
        for (index, entry) in entries.enumerated() {
            if dataMatches[index].isEmpty { plan.unmatched.append(UnmatchedEntry(entryIndex: index, path: entry.path, source: .data)) }
            for (referenceIndex, matched) in referenceMatches.enumerated() where matched[index].isEmpty {
                plan.unmatched.append(UnmatchedEntry(entryIndex: index, path: entry.path, source: .reference(referenceIndex)))
            }
            let siblings = entry.name.isWildcard ? [] : entry.concatenate.map { entry.path(ofHistogram: $0) }
            for path in dataMatches[index] {
                let missingReferences = referenceSets.indices.filter { !referenceSets[$0].contains(path) }
                let missingSiblings = siblings.filter { sibling in
                    !dataSet.contains(sibling) || referenceSets.contains { !$0.contains(sibling) }
                }
                plan.histograms.append(PlannedHistogram(entryIndex: index, path: path, missingInReferences: missingReferences,
                                                        missingConcatenated: missingSiblings))
            }
        }
        return plan
    }

    private static func wildcard(_ pattern: NamePattern, matches name: String, mode: WildcardMode) -> Bool {
        switch mode {
        case .glob: pattern.matches(name)
        case .autodqmSubstring: name.contains(pattern.autodqmPrefix)
        }
    }

    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }
}
