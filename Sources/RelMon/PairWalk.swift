/// One pass over both trees in step, pairing keys by name: builds the directory tree,
/// records what only one side has, and lists the histogram pairs to test.
final class PairWalk {
    struct Job: Sendable {
        var test: [String]
        var reference: [String]
        /// The path below the run directory, as comparisons record it.
        var path: String
        /// Where the comparison sits: indices of subdirectories from the root, then its index.
        var directory: [Int]
        var comparison: Int
    }

    private let test: any HistogramSource
    private let reference: any HistogramSource
    private let options: RelMonOptions
    /// Told of every job as soon as it is found, so testing can start before the walk ends.
    private let found: (Job) -> Void
    private(set) var jobs: [Job] = []
    private(set) var problems: [String] = []
    private(set) var blacklistedDirectories = 0

    init(test: any HistogramSource, reference: any HistogramSource, options: RelMonOptions, found: @escaping (Job) -> Void = { _ in }) {
        self.test = test
        self.reference = reference
        self.options = options
        self.found = found
    }

    /// Walks the directory `name` found at `testPath` and `referencePath`; `walkerPath` is
    /// its path below the run directory, which the histogram blacklist matches.
    func directory(
        name: String, testPath: [String], referencePath: [String], walkerPath: [String],
        depth: Int, address: [Int]
    ) -> RelMonDirectory {
        var node = RelMonDirectory(name: name)
        let testEntries = listing(test, testPath), referenceEntries = listing(reference, referencePath)
        let referenceByName = Dictionary(referenceEntries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let testNames = Set(testEntries.map(\.name))
        var seen = Set<String>()
        for entry in testEntries where seen.insert(entry.name).inserted {
            let childPath = walkerPath + [entry.name]
            guard let other = referenceByName[entry.name] else {
                recordUnpaired(entry, side: .test, in: &node, depth: depth + 1, mother: name, walkerPath: childPath)
                continue
            }
            switch (entry.kind, other.kind, entry.histogramClass, other.histogramClass) {
            case (.directory, .directory, _, _):
                guard !isBlacklisted(entry.name, depth: depth + 1, mother: name) else { continue }
                node.subdirectories.append(directory(
                    name: entry.name, testPath: testPath + [entry.name], referencePath: referencePath + [entry.name],
                    walkerPath: childPath, depth: depth + 1, address: address + [node.subdirectories.count]))
            case (_, _, let testClass?, _?):
                let path = childPath.joined(separator: "/")
                if options.histogramBlacklist.contains(path) {
                    node.comparisons.append(RelMonComparison(
                        name: entry.name, path: path, className: testClass, status: .skipped, rank: 0, note: .blacklisted))
                } else {
                    let job = Job(
                        test: testPath + [entry.name], reference: referencePath + [entry.name], path: path,
                        directory: address, comparison: node.comparisons.count)
                    jobs.append(job)
                    found(job)
                    // The verdict is filled in once every job has run.
                    node.comparisons.append(RelMonComparison(
                        name: entry.name, path: path, className: testClass, status: .null, rank: .nan))
                }
            default:
                // A directory in one file and a histogram in the other: neither can be compared.
                recordUnpaired(entry, side: .test, in: &node, depth: depth + 1, mother: name, walkerPath: childPath)
                recordUnpaired(other, side: .reference, in: &node, depth: depth + 1, mother: name, walkerPath: childPath)
            }
        }
        for entry in referenceEntries where !testNames.contains(entry.name) && seen.insert(entry.name).inserted {
            recordUnpaired(entry, side: .reference, in: &node, depth: depth + 1, mother: name,
                           walkerPath: walkerPath + [entry.name])
        }
        return node
    }

    func isBlacklisted(_ name: String, depth: Int, mother: String?) -> Bool {
        guard options.directoryBlacklist.contains(name, depth: depth, mother: mother) else { return false }
        blacklistedDirectories += 1
        return true
    }

    /// Records an object of one side only, unless a blacklist drops it or RelMon would not
    /// compare its class anyway.
    private func recordUnpaired(
        _ entry: SourceEntry, side: RelMonSide, in node: inout RelMonDirectory, depth: Int, mother: String,
        walkerPath: [String]
    ) {
        switch entry.kind {
        case .directory:
            guard !isBlacklisted(entry.name, depth: depth, mother: mother) else { return }
            node.unpaired.append(UnpairedObject(name: entry.name, kind: "directory", side: side))
        case .object:
            guard let className = entry.histogramClass,
                  !options.histogramBlacklist.contains(walkerPath.joined(separator: "/")) else { return }
            node.unpaired.append(UnpairedObject(name: entry.name, kind: className, side: side))
        }
    }

    private func listing(_ source: any HistogramSource, _ path: [String]) -> [SourceEntry] {
        do { return try source.entries(in: path) } catch {
            problems.append("\(source.name): cannot list \(path.joined(separator: "/")): \(error)")
            return []
        }
    }
}
