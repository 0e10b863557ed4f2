extension Subsystem {
    /// The paths below this subsystem's main directory for `run`, made relative to it
    /// (the form entries are written in); paths elsewhere in the file are dropped.
    public func relativePaths(_ paths: some Sequence<String>, run: Int) -> [String] {
        let prefix = mainDirectory(run: run)
        return paths.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
}

/// Harvested DQM files keep everything under `DQMData/Run <run>/`.
public enum DQMRunDirectory {
    /// The run number of a path such as `DQMData/Run 315705/CSC/...`, or nil.
    public static func run(ofPath path: String) -> Int? {
        let components = path.split(separator: "/", maxSplits: 2)
        guard components.count >= 2, components[0] == "DQMData", components[1].hasPrefix("Run ") else { return nil }
        return Int(components[1].dropFirst("Run ".count))
    }
}

extension MatchPlan {
    /// Human-readable lines: how many histograms the entries select, then each entry that
    /// matched nothing (per file) and each selected histogram some reference lacks.
    public func report(for subsystem: Subsystem) -> String {
        let count = histograms.count
        var lines = ["\(subsystem.name): \(subsystem.entries.count) entr\(subsystem.entries.count == 1 ? "y" : "ies") "
                     + "select \(count) histogram\(count == 1 ? "" : "s")"]
        for entry in unmatched {
            lines.append("  \(entry.path): matches nothing in \(entry.source)")
        }
        for histogram in histograms {
            for index in histogram.missingInReferences {
                lines.append("  \(histogram.path): missing in \(MatchSource.reference(index))")
            }
            for sibling in histogram.missingConcatenated {
                lines.append("  \(histogram.path): concatenated \(sibling) is missing from the data or a reference")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
