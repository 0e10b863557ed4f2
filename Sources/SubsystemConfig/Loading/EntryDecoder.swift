internal import Foundation

/// Decodes one `hists` entry (reference §2.4), reporting every problem with its position.
struct EntryDecoder {
    /// Direct keys AutoDQM passes to the comparators as keyword arguments (cut overrides).
    /// `p_value_cut` (ks_test) and `region_cut` (the regional 2D detector) are this project's additions.
    static let cutKeys: Set = ["ks_cut", "min_entries", "pull_cap", "chi2_cut", "pull_cut", "tol", "p_value_cut", "region_cut"]
    /// `poisson_errors` of pull_values: exact Garwood intervals or AutoDQM's approximation.
    static let poissonErrorKinds: Set = ["garwood", "autodqm"]
    /// Option names the comparators read from `opts`.
    static let optionNames: Set = ["pull_cap", "chi2_cut", "pull_cut", "plot_title", "xaxis_title", "yaxis_title", "logx", "logy"]
    static let keys: Set<String> = Set(["path", "comparators", "always_show", "always_draw", "norm_type", "xlabels", "ylabels", "opts",
                            "xmin", "xmax", "concatenate", "jar_dir", "poisson_errors"]).union(cutKeys)

    let knownComparators: Set<String>?

    func decode(_ node: JSONNode, _ what: String, reader: inout NodeReader) -> HistogramEntry? {
        guard let members = reader.members(of: node, what) else { return nil }
        var location: (path: String, directory: String, name: NamePattern)?
        if let pathMember = members.last(where: { $0.key == "path" }) {
            if let path = reader.string(pathMember.value, "\"path\""),
               let (directory, name) = splitPath(path, at: pathMember.value.location, reader: &reader) {
                location = (path, directory, name)
            }
        } else {
            reader.missingKey("path", in: what, at: node.location)
        }
        // The other keys are still read when the path is unusable, so all problems are reported.
        let name = location?.name ?? NamePattern(literal: "?")
        var entry = HistogramEntry(path: location?.path ?? "", directory: location?.directory ?? "", name: name,
                                   location: node.location)
        var alwaysShowKey: (key: String, value: Bool)?
        for member in members where member.key != "path" {
            let value = member.value, label = "\"\(member.key)\""
            switch member.key {
            case "comparators":
                entry.comparators = ComparatorNames.read(value, label, known: knownComparators, reader: &reader)
            case "always_show", "always_draw":
                guard let flag = reader.bool(value, label) else { continue }
                if let earlier = alwaysShowKey, earlier.key != member.key, earlier.value != flag {
                    reader.sink.warning("\"always_show\" and \"always_draw\" disagree; the entry is shown if either is true",
                                        at: member.keyLocation)
                }
                alwaysShowKey = (member.key, flag)
                entry.alwaysShow = entry.alwaysShow || flag
            case "norm_type":
                guard let text = reader.string(value, label) else { continue }
                entry.normType = NormType(rawValue: text) ?? .all
                if NormType(rawValue: text) == nil {
                    reader.sink.warning("norm_type \"\(text)\" is neither \"row\" nor \"col\"; global normalisation is used",
                                        at: value.location)
                }
            case "xlabels": entry.xLabels = reader.strings(value, label)
            case "ylabels": entry.yLabels = reader.strings(value, label)
            case "opts": entry.options = readOptions(value, reader: &reader)
            case "xmin": entry.xMin = reader.number(value, label)
            case "xmax": entry.xMax = reader.number(value, label)
            case "concatenate": entry.concatenate = readConcatenate(value, wildcard: name.isWildcard, reader: &reader)
            case "jar_dir": entry.modelDirectory = reader.string(value, label)
            case "poisson_errors":
                guard let kind = reader.string(value, label) else { continue }
                if Self.poissonErrorKinds.contains(kind) {
                    entry.poissonErrors = kind
                } else {
                    reader.sink.error("\(label) must be \"garwood\" or \"autodqm\", not \"\(kind)\"", at: value.location)
                }
            case let key where Self.cutKeys.contains(key):
                guard let number = reader.number(value, label) else { continue }
                if number < 0 || (key == "min_entries" && number.rounded() != number) {
                    reader.sink.error("\(label) must be a non-negative \(key == "min_entries" ? "whole number" : "number")",
                                      at: value.location)
                }
                entry.cuts[key] = number
            default:
                reader.unknownKey(member, in: "a histogram entry", known: Self.keys)
                entry.extra[member.key] = value.plain
            }
        }
        if let low = entry.xMin, let high = entry.xMax, low >= high {
            reader.sink.error("xmin (\(low)) must be below xmax (\(high))", at: node.location)
        }
        return location == nil ? nil : entry
    }

    /// Splits `dir/sub/name` into the directory and the name pattern; wildcards only in the name.
    private func splitPath(_ path: String, at location: SourceLocation,
                           reader: inout NodeReader) -> (String, NamePattern)? {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !components.contains(where: \.isEmpty) else {
            reader.sink.error("path \"\(path)\" has an empty component (leading, trailing or doubled '/')", at: location)
            return nil
        }
        var characterOffset = 0
        for component in components.dropLast() {
            if let wildcard = component.firstIndex(where: { "*?[]".contains($0) }) {
                let column = location.column + 1 + characterOffset + component.distance(from: component.startIndex, to: wildcard)
                reader.sink.error("wildcards are allowed only in the histogram name (the last path component), "
                                  + "not in directory \"\(component)\"", at: SourceLocation(line: location.line, column: column))
                return nil
            }
            characterOffset += component.count + 1
        }
        do {
            let pattern = try NamePattern(String(components[components.count - 1]))
            return (components.dropLast().joined(separator: "/"), pattern)
        } catch {
            // The column is exact when the path holds no JSON escapes, which is how paths are written.
            let column = location.column + 1 + characterOffset + error.offset
            reader.sink.error("bad glob \"\(components[components.count - 1])\": \(error.message)",
                              at: SourceLocation(line: location.line, column: column))
            return nil
        }
    }

    /// `opts` as AutoDQM writes it (`["pull_cap=5", "logy"]`) or as an object (`{"pull_cap": 5}`).
    private func readOptions(_ node: JSONNode, reader: inout NodeReader) -> [String: JSONValue] {
        var options: [String: JSONValue] = [:]
        func check(_ name: String, at location: SourceLocation, reader: inout NodeReader) {
            guard !Self.optionNames.contains(name) else { return }
            reader.sink.warning("unknown option \"\(name)\" in opts\(Suggestion.hint(for: name, in: Self.optionNames))",
                                at: location)
        }
        if case .object = node.value {
            for member in reader.members(of: node, "\"opts\"") ?? [] {
                check(member.key, at: member.keyLocation, reader: &reader)
                options[member.key] = member.value.plain
            }
            return options
        }
        for (index, item) in (reader.array(node, "\"opts\"") ?? []).enumerated() {
            guard let text = reader.string(item, "\"opts\"[\(index)]") else { continue }
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
            check(name, at: item.location, reader: &reader)
            if parts.count == 1 {
                options[name] = .bool(true)
            } else {
                let value = String(parts[1]).trimmingCharacters(in: .whitespaces)
                options[name] = Double(value).map(JSONValue.number) ?? .string(value)
            }
        }
        return options
    }

    private func readConcatenate(_ node: JSONNode, wildcard: Bool, reader: inout NodeReader) -> [String] {
        if wildcard {
            reader.sink.warning("\"concatenate\" applies to non-wildcard entries only and is ignored here", at: node.location)
        }
        return reader.list(node, "\"concatenate\"") { reader, item, label in
            guard let name = reader.string(item, label) else { return nil }
            guard !name.isEmpty, !name.contains(where: { "/*?[]".contains($0) }) else {
                reader.sink.error("\(label) must be a plain sibling histogram name, not \"\(name)\"", at: item.location)
                return nil
            }
            return name
        } ?? []
    }
}

/// Comparator lists (`comparators` at the top or on an entry).
enum ComparatorNames {
    static func read(_ node: JSONNode, _ what: String, known: Set<String>?, reader: inout NodeReader) -> [String]? {
        guard let names = reader.strings(node, what) else { return nil }
        if names.isEmpty { reader.sink.warning("\(what) is empty: nothing will be compared", at: node.location) }
        guard let known, case let .array(items) = node.value else { return names }
        for (name, item) in zip(names, items) where !known.contains(name) {
            reader.sink.warning("unknown comparator \"\(name)\"\(Suggestion.hint(for: name, in: known.sorted()))",
                                at: item.location)
        }
        return names
    }
}
