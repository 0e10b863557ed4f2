/// Why a glob cannot be used; `offset` counts characters from the pattern's start.
public struct GlobError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public var description: String { message }
}

/// The last component of an entry's path: a literal name or a shell-style glob.
///
/// `*` matches any run of characters, `?` one character, `[abc]`, `[a-z]` and
/// `[!a-z]` (or `[^a-z]`) one character of a class, and `\` makes the next
/// character literal. AutoDQM instead accepts any name *containing* the text
/// before the first `*`; `WildcardMode.autodqmSubstring` keeps that rule.
public struct NamePattern: Sendable, Hashable, Codable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case literal(Character)
        case anyCharacter
        case anyRun
        case characterClass(ranges: [ClosedRange<Character>], negated: Bool)

        func matches(_ character: Character) -> Bool {
            switch self {
            case let .literal(expected): character == expected
            case .anyCharacter: true
            case .anyRun: true
            case let .characterClass(ranges, negated): ranges.contains { $0.contains(character) } != negated
            }
        }
    }

    public let pattern: String
    let tokens: [Token]

    public init(_ pattern: String) throws(GlobError) {
        self.pattern = pattern
        self.tokens = try Self.compile(Array(pattern))
    }

    /// A pattern matching exactly `name`, with no wildcard interpretation.
    public init(literal name: String) {
        pattern = name.reduce(into: "") { escaped, character in
            if "*?[]\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        tokens = name.map(Token.literal)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(pattern)
    }

    public static func == (lhs: NamePattern, rhs: NamePattern) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    public var description: String { pattern }

    /// True when the pattern can match more than one name.
    public var isWildcard: Bool {
        tokens.contains { if case .literal = $0 { false } else { true } }
    }

    /// The name a non-wildcard pattern stands for (escapes removed).
    public var literalName: String? {
        var name = ""
        for token in tokens {
            guard case let .literal(character) = token else { return nil }
            name.append(character)
        }
        return name
    }

    /// AutoDQM's wildcard key: the text before the first `*`.
    public var autodqmPrefix: String {
        String(pattern.prefix { $0 != "*" })
    }

    public func matches(_ name: String) -> Bool {
        let characters = Array(name)
        // Classic linear glob matching: remember the last `*` and retry one character further.
        var t = 0, c = 0
        var star: (token: Int, character: Int)?
        while c < characters.count {
            if t < tokens.count, tokens[t] == .anyRun {
                star = (t, c)
                t += 1
            } else if t < tokens.count, tokens[t].matches(characters[c]) {
                t += 1
                c += 1
            } else if let resume = star {
                t = resume.token + 1
                c = resume.character + 1
                star = (resume.token, resume.character + 1)
            } else {
                return false
            }
        }
        while t < tokens.count, tokens[t] == .anyRun { t += 1 }
        return t == tokens.count
    }

    private static func compile(_ characters: [Character]) throws(GlobError) -> [Token] {
        guard !characters.isEmpty else { throw GlobError(offset: 0, message: "the histogram name is empty") }
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "/":
                throw GlobError(offset: index, message: "a name pattern cannot contain '/'")
            case "*":
                if tokens.last != .anyRun { tokens.append(.anyRun) }
                index += 1
            case "?":
                tokens.append(.anyCharacter)
                index += 1
            case "\\":
                guard index + 1 < characters.count else {
                    throw GlobError(offset: index, message: "'\\' at the end of the pattern escapes nothing")
                }
                tokens.append(.literal(characters[index + 1]))
                index += 2
            case "[":
                let (token, next) = try compileClass(characters, openingAt: index)
                tokens.append(token)
                index = next
            case "]":
                throw GlobError(offset: index, message: "']' without a matching '[' (write \\] for a literal)")
            default:
                tokens.append(.literal(character))
                index += 1
            }
        }
        return tokens
    }

    /// Compiles `[...]` starting at `open`; returns the token and the index after `]`.
    private static func compileClass(_ characters: [Character], openingAt open: Int) throws(GlobError) -> (Token, Int) {
        var index = open + 1
        var negated = false
        if index < characters.count, characters[index] == "!" || characters[index] == "^" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<Character>] = []
        while index < characters.count, characters[index] != "]" {
            var lower = characters[index]
            if lower == "\\", index + 1 < characters.count {
                index += 1
                lower = characters[index]
            }
            if lower == "/" { throw GlobError(offset: index, message: "a name pattern cannot contain '/'") }
            if index + 2 < characters.count, characters[index + 1] == "-", characters[index + 2] != "]" {
                let upper = characters[index + 2]
                guard lower <= upper else {
                    throw GlobError(offset: index, message: "character range '\(lower)-\(upper)' is reversed")
                }
                ranges.append(lower...upper)
                index += 3
            } else {
                ranges.append(lower...lower)
                index += 1
            }
        }
        guard index < characters.count else {
            throw GlobError(offset: open, message: "'[' is not closed by ']'")
        }
        guard !ranges.isEmpty else {
            throw GlobError(offset: open, message: "empty character class '[]'")
        }
        return (.characterClass(ranges: ranges, negated: negated), index + 1)
    }
}
