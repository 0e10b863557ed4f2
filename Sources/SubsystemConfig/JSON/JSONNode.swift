/// A parsed JSON value that remembers where each part was written, so config
/// problems can be reported as `file:line:column` (Foundation's parser forgets).
public struct JSONNode: Sendable, Equatable {
    public indirect enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        /// The number and its source text (kept so `1` and `1.0` are told apart).
        case number(Double, text: String)
        case string(String)
        case array([JSONNode])
        /// Members in source order; duplicates are kept so they can be reported.
        case object([Member])
    }

    public struct Member: Sendable, Equatable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: JSONNode
    }

    public var value: Value
    public var location: SourceLocation

    /// The JSON type name used in messages ("expected a string, found an array").
    public var typeName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The plain value without positions (for pass-through option maps).
    public var plain: JSONValue {
        switch value {
        case .null: .null
        case let .bool(flag): .bool(flag)
        case let .number(number, _): .number(number)
        case let .string(text): .string(text)
        case let .array(items): .array(items.map(\.plain))
        case let .object(members):
            // Later duplicates win, as in Python's json module that AutoDQM uses.
            .object(Dictionary(members.map { ($0.key, $0.value.plain) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
