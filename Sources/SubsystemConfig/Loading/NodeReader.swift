/// Typed reads from a positioned JSON tree that report, rather than throw, every
/// mismatch, so one pass over a file yields all of its problems.
struct NodeReader {
    var sink: DiagnosticSink

    init(file: String) {
        sink = DiagnosticSink(file: file)
    }

    /// The members of an object, with duplicate keys reported; nil if `node` is not an object.
    mutating func members(of node: JSONNode, _ what: String) -> [JSONNode.Member]? {
        guard case let .object(members) = node.value else {
            sink.error("\(what) must be an object, found \(node.typeName)", at: node.location)
            return nil
        }
        var firstSeen: [String: SourceLocation] = [:]
        for member in members {
            if let first = firstSeen[member.key] {
                sink.error("duplicate key \"\(member.key)\" (first written at \(first))", at: member.keyLocation)
            } else {
                firstSeen[member.key] = member.keyLocation
            }
        }
        return members
    }

    /// Reports an unknown key, with a suggestion from the keys that would have been accepted.
    mutating func unknownKey(_ member: JSONNode.Member, in what: String, known: some Sequence<String>) {
        sink.warning("unknown key \"\(member.key)\" in \(what)\(Suggestion.hint(for: member.key, in: known)); it is ignored",
                     at: member.keyLocation)
    }

    mutating func missingKey(_ key: String, in what: String, at location: SourceLocation) {
        sink.error("\(what) is missing the required key \"\(key)\"", at: location)
    }

    mutating func string(_ node: JSONNode, _ what: String) -> String? {
        guard case let .string(text) = node.value else { return mismatch(node, what, "a string") }
        return text
    }

    mutating func bool(_ node: JSONNode, _ what: String) -> Bool? {
        guard case let .bool(flag) = node.value else { return mismatch(node, what, "true or false") }
        return flag
    }

    mutating func number(_ node: JSONNode, _ what: String) -> Double? {
        guard case let .number(number, _) = node.value else { return mismatch(node, what, "a number") }
        return number
    }

    mutating func array(_ node: JSONNode, _ what: String) -> [JSONNode]? {
        guard case let .array(items) = node.value else { return mismatch(node, what, "an array") }
        return items
    }

    /// An array whose every element is read by `element`; nil if any element is wrong.
    mutating func list<T>(_ node: JSONNode, _ what: String,
                          _ element: (inout NodeReader, JSONNode, String) -> T?) -> [T]? {
        guard let items = array(node, what) else { return nil }
        var values: [T] = []
        var failed = false
        for (index, item) in items.enumerated() {
            if let value = element(&self, item, "\(what)[\(index)]") { values.append(value) } else { failed = true }
        }
        return failed ? nil : values
    }

    mutating func strings(_ node: JSONNode, _ what: String) -> [String]? {
        list(node, what) { reader, item, name in reader.string(item, name) }
    }

    mutating func numbers(_ node: JSONNode, _ what: String) -> [Double]? {
        list(node, what) { reader, item, name in reader.number(item, name) }
    }

    private mutating func mismatch<T>(_ node: JSONNode, _ what: String, _ expected: String) -> T? {
        sink.error("\(what) must be \(expected), found \(node.typeName)", at: node.location)
        return nil
    }
}
