extension ConfigCheck {
    /// What `autodqm config check` prints: one compiler-style line per diagnostic
    /// (sorted by file and position), then a summary line.
    public var report: String {
        let ordered = diagnostics.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if a.file != b.file { return a.file < b.file }
            let aLine = a.location.map { ($0.line, $0.column) } ?? (0, 0)
            let bLine = b.location.map { ($0.line, $0.column) } ?? (0, 0)
            if aLine != bLine { return aLine < bLine }
            return lhs.offset < rhs.offset
        }.map(\.element.description)
        return (ordered + [summary]).joined(separator: "\n") + "\n"
    }

    public var summary: String {
        let counts = "\(plural(errors.count, "error")), \(plural(warnings.count, "warning"))"
        guard let configSet else { return "config check failed: \(counts)" }
        let entries = configSet.subsystems.reduce(0) { $0 + $1.entries.count }
        return "\(plural(configSet.subsystems.count, "subsystem")) with \(plural(entries, "histogram entry", "histogram entries")) "
            + "loaded (version \(configSet.version.prefix(12))): \(counts)"
    }

    private func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : pluralForm ?? singular + "s")"
    }
}
