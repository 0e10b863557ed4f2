import Foundation

/// RelMon's plain-text report (`Directory.print_report`): failures per directory, then the
/// totals. The wording is RelMon's, misspelt "Failiures" included, because CI scripts grep
/// it (`grep 'Successes: 100.00%'`).
public struct AsciiReport: Sendable {
    public let result: RelMonResult

    public init(result: RelMonResult) { self.result = result }

    public var text: String {
        var lines: [String] = []
        failures(result.root, indent: "", into: &lines)
        let totals = result.root.totals, weight = totals.weight
        let name = result.root.name.isEmpty ? result.testFile.name : result.root.name
        lines.append("\(name) - summary of \(weight) tests:")
        for (label, status) in [("Failiures", RelMonStatus.fail), ("Nulls", .null), ("Successes", .success), ("Skipped", .skipped)] {
            lines.append(String(format: " o %@: %.2f%% (%d/%d)", label, totals.rate(of: status), totals.count(of: status), weight))
        }
        lines.append(" o Missing objects: \(totals.unpaired)")
        unpaired(result.root, into: &lines)
        lines += result.problems.map { "[!] \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    private func failures(_ directory: RelMonDirectory, indent: String, into lines: inout [String]) {
        let failing = directory.comparisons.filter { $0.status == .fail }.sorted { $0.name < $1.name }
        if !failing.isEmpty {
            lines.append("\(indent)* \(directory.path.isEmpty ? "/" : directory.path):")
            for comparison in failing {
                lines.append("\(indent) - \(comparison.name): \(result.test.displayName) Test Failed (pval = \(comparison.rank)) ")
            }
        }
        for subdirectory in directory.subdirectories { failures(subdirectory, indent: indent + "  ", into: &lines) }
    }

    private func unpaired(_ directory: RelMonDirectory, into lines: inout [String]) {
        for side in [RelMonSide.test, .reference] {
            let names = directory.unpaired.filter { $0.side == side }.map(\.name)
            guard !names.isEmpty else { continue }
            // What only the test file has is missing in the reference, and the other way round.
            let missingIn = side == .test ? result.referenceFile.name : result.testFile.name
            let folder = directory.path.isEmpty ? "/" : directory.path
            lines.append("[*] Missing in \(missingIn) under \(folder): \(names.joined(separator: ", "))")
        }
        for subdirectory in directory.subdirectories { unpaired(subdirectory, into: &lines) }
    }
}
