internal import Comparators

/// Decodes a subsystem object (reference §2.3): the body of `<Subsystem>.json`,
/// or one value of a legacy `configs.json`.
struct SubsystemDecoder {
    /// Keys people write for documentation only (`descriptionX`...) are recognised by prefix.
    static let keys: Set = ["main_gdir", "hists", "comparators", "sel_display", "thresholds_fit", "run_reg",
                            "description", "excluded_hists"]
    static let thresholdKeys: Set = ["name", "param_MaxPull", "param_Chi2"]

    let knownComparators: Set<String>?

    func decode(_ node: JSONNode, name: String, file: String, reader: inout NodeReader) -> Subsystem? {
        let what = "subsystem \(name)"
        guard let members = reader.members(of: node, "the \(what) config") else { return nil }
        var template: String?
        var entries: [HistogramEntry]?
        var subsystem = Subsystem(name: name, file: file, mainDirectoryTemplate: "", entries: [])
        for member in members {
            let value = member.value, label = "\"\(member.key)\""
            switch member.key {
            case "main_gdir":
                template = reader.string(value, label)
                if let template { checkTemplate(template, at: value.location, reader: &reader) }
            case "hists":
                entries = decodeEntries(value, reader: &reader)
            case "comparators":
                subsystem.comparators = ComparatorNames.read(value, label, known: knownComparators, reader: &reader)
            case "sel_display":
                subsystem.selectiveDisplay = reader.strings(value, label)
            case "thresholds_fit":
                subsystem.thresholdsFit = reader.list(value, label) { reader, item, label in
                    decodeThresholdFit(item, label, reader: &reader)
                } ?? []
            case "run_reg":
                subsystem.runRegistry = reader.string(value, label)
            case "description":
                subsystem.description = reader.string(value, label)
            case "excluded_hists":
                break  // documentation in AutoDQM (never enforced), so not enforced here either
            case let key where key.hasPrefix("description"):
                break
            default:
                reader.unknownKey(member, in: "the subsystem config", known: Self.keys)
            }
        }
        if template == nil, !members.contains(where: { $0.key == "main_gdir" }) {
            reader.missingKey("main_gdir", in: "the \(what) config", at: node.location)
        }
        if entries == nil, !members.contains(where: { $0.key == "hists" }) {
            reader.missingKey("hists", in: "the \(what) config", at: node.location)
        }
        guard let template, let entries else { return nil }
        subsystem.mainDirectoryTemplate = template
        subsystem.entries = entries
        return subsystem
    }

    private func checkTemplate(_ template: String, at location: SourceLocation, reader: inout NodeReader) {
        if !template.contains("{0}") {
            reader.sink.warning("main_gdir has no {0}: every run will be read from the same directory", at: location)
        }
        if template.hasPrefix("/") || template.contains("//") {
            reader.sink.error("main_gdir \"\(template)\" has an empty path component", at: location)
        }
    }

    private func decodeEntries(_ node: JSONNode, reader: inout NodeReader) -> [HistogramEntry]? {
        guard let items = reader.array(node, "\"hists\"") else { return nil }
        let entryDecoder = EntryDecoder(knownComparators: knownComparators)
        var entries: [HistogramEntry] = []
        var firstByPath: [String: SourceLocation] = [:]
        for (index, item) in items.enumerated() {
            guard let entry = entryDecoder.decode(item, "\"hists\"[\(index)]", reader: &reader) else { continue }
            if let first = firstByPath[entry.path] {
                reader.sink.warning("path \"\(entry.path)\" is listed again (first at \(first)); it will be compared twice",
                                    at: item.location)
            } else {
                firstByPath[entry.path] = item.location
            }
            entries.append(entry)
        }
        return entries
    }

    private func decodeThresholdFit(_ node: JSONNode, _ what: String, reader: inout NodeReader) -> ThresholdFit? {
        guard let members = reader.members(of: node, what) else { return nil }
        var name: String?, maxPull: [Double]?, chi2: [Double]?
        for member in members {
            let label = "\(what).\(member.key)"
            switch member.key {
            case "name": name = reader.string(member.value, label)
            case "param_MaxPull": maxPull = parameters(member.value, label, reader: &reader)
            case "param_Chi2": chi2 = parameters(member.value, label, reader: &reader)
            default: reader.unknownKey(member, in: what, known: Self.thresholdKeys)
            }
        }
        for key in Self.thresholdKeys.sorted() where !members.contains(where: { $0.key == key }) {
            reader.missingKey(key, in: what, at: node.location)
        }
        guard let name, let maxPull, let chi2 else { return nil }
        return ThresholdFit(name: name, maxPull: maxPull, chi2: chi2)
    }

    /// `[a, b]` or `[a, b, c]` of `a/n + b²` (the third value is unused, as in AutoDQM).
    private func parameters(_ node: JSONNode, _ what: String, reader: inout NodeReader) -> [Double]? {
        guard let values = reader.numbers(node, what) else { return nil }
        guard (2...3).contains(values.count) else {
            reader.sink.error("\(what) must hold 2 or 3 numbers [a, b(, c)] of a/n + b², not \(values.count)", at: node.location)
            return nil
        }
        return values
    }
}

/// `main.json`: global settings (reference §2.2).
enum MainFileDecoder {
    static let keys: Set = ["OnlineDataMap"]

    static func decode(_ node: JSONNode, reader: inout NodeReader) -> [String: String] {
        var map: [String: String] = [:]
        for member in reader.members(of: node, "main.json") ?? [] {
            guard member.key == "OnlineDataMap" else {
                reader.unknownKey(member, in: "main.json", known: keys)
                continue
            }
            for entry in reader.members(of: member.value, "\"OnlineDataMap\"") ?? [] {
                map[entry.key] = reader.string(entry.value, "\"OnlineDataMap\".\(entry.key)")
            }
        }
        return map
    }
}
