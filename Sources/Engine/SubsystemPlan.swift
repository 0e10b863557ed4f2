import Comparators
import SubsystemConfig

extension ComparisonPlan {
    /// The histograms a subsystem configuration selects, with each entry's
    /// comparators and options; entries that matched nothing in a file are listed.
    ///
    /// A histogram the references hold but the data lacks becomes a
    /// `missing_in_data` result rather than a silent skip.
    static func subsystem(
        _ subsystem: Subsystem, data: RunIndex, references: [RunIndex], wildcards: WildcardMode
    ) throws(EngineError) -> ComparisonPlan {
        let comparators = try resolveComparators(subsystem)
        let dataMain = mainDirectory(of: subsystem, in: data)
        let matchPlan = subsystem.plan(
            data: paths(below: dataMain, in: data),
            references: references.map { paths(below: mainDirectory(of: subsystem, in: $0), in: $0) },
            mode: wildcards)

        var histograms: [PlannedComparison] = []
        var planned: Set<String> = []
        func add(entryIndex: Int, pathBelowMain: String) {
            let path = dataMain + pathBelowMain
            guard planned.insert(path).inserted else { return }
            histograms.append(comparison(
                subsystem, entryIndex: entryIndex, path: path, comparators: comparators[entryIndex]))
        }
        for histogram in matchPlan.histograms { add(entryIndex: histogram.entryIndex, pathBelowMain: histogram.path) }
        // What a reference holds and the data lacks, placed after the entry's data matches.
        for reference in references {
            let matches = subsystem.matches(in: paths(below: mainDirectory(of: subsystem, in: reference), in: reference), mode: wildcards)
            for (entryIndex, paths) in matches.enumerated() {
                for path in paths { add(entryIndex: entryIndex, pathBelowMain: path) }
            }
        }

        var unmatched: [Report.Unmatched] = []
        for (entryIndex, misses) in Dictionary(grouping: matchPlan.unmatched, by: \.entryIndex).sorted(by: { $0.key < $1.key }) {
            var entry = Report.Unmatched(path: dataMain + subsystem.entries[entryIndex].path, missingInData: false, missingInReferences: [])
            for miss in misses {
                switch miss.source {
                case .data: entry.missingInData = true
                case let .reference(index): entry.missingInReferences.append(references[index].run.label)
                }
            }
            unmatched.append(entry)
        }
        return ComparisonPlan(histograms: PlotNames.assign(to: histograms), unmatched: unmatched, subsystem: subsystem.name)
    }

    /// Every comparator name resolved before any work starts, so a typo fails at once;
    /// `nil` where the configuration names none (the default set then applies).
    private static func resolveComparators(_ subsystem: Subsystem) throws(EngineError) -> [[any Comparator]?] {
        var resolved: [[any Comparator]?] = []
        for entry in subsystem.entries {
            guard let names = subsystem.comparators(for: entry) else {
                resolved.append(nil)
                continue
            }
            var list: [any Comparator] = []
            for name in names {
                list.append(try comparator(named: name, context: "subsystem \(subsystem.name), entry \(entry.path)"))
            }
            resolved.append(list)
        }
        return resolved
    }

    /// `main_gdir` for this file's run, below `DQMData/Run <run>/` like every report path.
    private static func mainDirectory(of subsystem: Subsystem, in file: RunIndex) -> String {
        DQMPath.split(subsystem.mainDirectory(run: file.run.run ?? 0)).relative
    }

    private static func paths(below directory: String, in file: RunIndex) -> [String] {
        file.order.compactMap { $0.hasPrefix(directory) ? String($0.dropFirst(directory.count)) : nil }
    }

    private static func comparison(
        _ subsystem: Subsystem, entryIndex: Int, path: String, comparators: [any Comparator]?
    ) -> PlannedComparison {
        let entry = subsystem.entries[entryIndex]
        let settings = EntrySettings(entry: entry, subsystem: subsystem, histogramName: String(path.split(separator: "/").last ?? ""))
        let directory = path.split(separator: "/").dropLast().map { "\($0)/" }.joined()
        return PlannedComparison(
            path: path, comparators: comparators, options: settings.options,
            alwaysShow: entry.alwaysShow, selectiveDisplay: subsystem.usesSelectiveDisplay,
            configPath: entry.path, siblings: entry.name.isWildcard ? [] : entry.concatenate.map { directory + $0 },
            style: settings.style)
    }
}
