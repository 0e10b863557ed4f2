/// One histogram compared in both files (or blacklisted), without its histograms:
/// like RelMon's `Comparison`, only the outcome is kept.
public struct RelMonComparison: Sendable, Codable, Equatable {
    public var name: String
    /// The path below the run directory as the walker saw it, `Run summary` included:
    /// what the histogram blacklist matches.
    public var path: String
    public var className: String
    public var status: RelMonStatus
    public var rank: Double
    public var note: RelMonNote?
    /// The plot's file name inside the report folder, if one was drawn.
    public var plot: String?

    public init(
        name: String, path: String, className: String, status: RelMonStatus, rank: Double,
        note: RelMonNote? = nil, plot: String? = nil
    ) {
        self.name = name
        self.path = path
        self.className = className
        self.status = status
        self.rank = rank
        self.note = note
        self.plot = plot
    }

    // The rank may be NaN, which JSON cannot hold; store it as null.
    enum CodingKeys: String, CodingKey { case name, path, className = "class", status, rank, note, plot }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        path = try container.decode(String.self, forKey: .path)
        className = try container.decode(String.self, forKey: .className)
        status = try container.decode(RelMonStatus.self, forKey: .status)
        rank = try container.decodeIfPresent(Double.self, forKey: .rank) ?? .nan
        note = try container.decodeIfPresent(RelMonNote.self, forKey: .note)
        plot = try container.decodeIfPresent(String.self, forKey: .plot)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(path, forKey: .path)
        try container.encode(className, forKey: .className)
        try container.encode(status, forKey: .status)
        try container.encode(rank.isFinite ? rank : nil, forKey: .rank)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(plot, forKey: .plot)
    }
}

/// Which file of the pair holds an object the other lacks.
public enum RelMonSide: String, Sendable, Codable {
    case test, reference
}

/// An object found in one file only (or as a directory in one and a histogram in the other).
public struct UnpairedObject: Sendable, Codable, Equatable {
    public var name: String
    /// The ROOT class, or `directory`.
    public var kind: String
    public var side: RelMonSide

    public init(name: String, kind: String, side: RelMonSide) {
        self.name = name
        self.kind = kind
        self.side = side
    }
}

/// One directory of the comparison tree, as RelMon's `Directory`.
public struct RelMonDirectory: Sendable, Codable, Equatable {
    public var name: String
    /// Path from the report root, `Run summary` levels removed (RelMon's `full_path`).
    public var path: String
    public var subdirectories: [RelMonDirectory]
    public var comparisons: [RelMonComparison]
    public var unpaired: [UnpairedObject]
    /// Counts over the whole subtree, set by ``finalize()``.
    public private(set) var totals = Tally()
    /// Counts of this directory's own comparisons only (RelMon's `n_comp_*`).
    public private(set) var direct = Tally()

    public init(
        name: String, path: String = "", subdirectories: [RelMonDirectory] = [],
        comparisons: [RelMonComparison] = [], unpaired: [UnpairedObject] = []
    ) {
        self.name = name
        self.path = path
        self.subdirectories = subdirectories
        self.comparisons = comparisons
        self.unpaired = unpaired
    }

    /// Whether RelMon would drop it: nothing compared and, for us, nothing unpaired either.
    public var isEmpty: Bool { subdirectories.isEmpty && comparisons.isEmpty && unpaired.isEmpty }

    /// RelMon's order for the finished tree: prune `Run summary`, drop empty directories,
    /// set every path, and compute the counts (`prune` + `calcStats`).
    public mutating func finalize(parentPath: String = "") {
        hoistRunSummary()
        path = parentPath.isEmpty ? name : (name.isEmpty ? parentPath : parentPath + "/" + name)
        subdirectories.removeAll { $0.isEmpty }
        direct = Tally(comparisons: comparisons, unpaired: unpaired.count)
        totals = direct
        for index in subdirectories.indices {
            subdirectories[index].finalize(parentPath: path)
            totals.add(subdirectories[index].totals)
        }
    }

    /// Every comparison of the subtree, depth first.
    public func allComparisons() -> [RelMonComparison] {
        var all = comparisons
        for subdirectory in subdirectories { all += subdirectory.allComparisons() }
        return all
    }

    /// DQM's `Run summary` folders hold a subsystem's real content: move their content up
    /// into the parent (RelMon's `prune`), merging same-named directories so no page is lost.
    private mutating func hoistRunSummary() {
        while let index = subdirectories.firstIndex(where: { $0.name == RelMonDirectory.runSummary }) {
            let summary = subdirectories.remove(at: index)
            comparisons += summary.comparisons
            unpaired += summary.unpaired
            for child in summary.subdirectories { merge(child) }
        }
    }

    private mutating func merge(_ child: RelMonDirectory) {
        guard let index = subdirectories.firstIndex(where: { $0.name == child.name }) else {
            subdirectories.append(child)
            return
        }
        subdirectories[index].comparisons += child.comparisons
        subdirectories[index].unpaired += child.unpaired
        for grandchild in child.subdirectories { subdirectories[index].merge(grandchild) }
    }

    static let runSummary = "Run summary"
}
