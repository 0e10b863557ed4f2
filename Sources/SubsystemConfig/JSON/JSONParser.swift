/// A JSON syntax error at a source location.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public var description: String { "\(location): \(message)" }
}

/// A strict RFC 8259 parser producing `JSONNode`s with source locations.
///
/// Strict on purpose: no comments, trailing commas, NaN or single quotes, since
/// AutoDQM (Python's `json`) would reject those files too. Configs are small, so
/// clarity of messages matters more than speed. Nesting is capped so a hostile
/// file cannot overflow the stack.
public struct JSONParser {
    static let maximumDepth = 256

    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.offset = 3 }  // UTF-8 byte order mark
        parser.skipWhitespace()
        let node = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.offset == bytes.count else {
            throw parser.error("unexpected \(parser.describeCurrent()) after the end of the JSON value")
        }
        return node
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column) }

    private func error(_ message: String, at location: SourceLocation? = nil) -> JSONSyntaxError {
        JSONSyntaxError(location: location ?? self.location, message: message)
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func describeCurrent() -> String {
        guard let byte = current else { return "end of file" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private mutating func advance() {
        guard let byte = current else { return }
        offset += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {  // continuation bytes share their character's column
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
    }

    private mutating func expect(_ literal: String, value: JSONNode.Value) throws(JSONSyntaxError) -> JSONNode {
        let start = location
        for expected in literal.utf8 {
            guard current == expected else { throw error("invalid literal; expected '\(literal)'", at: start) }
            advance()
        }
        return JSONNode(value: value, location: start)
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        guard let byte = current else { throw error("unexpected end of file; expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""):
            let start = location
            return JSONNode(value: .string(try parseString()), location: start)
        case UInt8(ascii: "t"): return try expect("true", value: .bool(true))
        case UInt8(ascii: "f"): return try expect("false", value: .bool(false))
        case UInt8(ascii: "n"): return try expect("null", value: .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected \(describeCurrent()); expected a value")
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONNode {
        let start = location
        var members: [JSONNode.Member] = []
        try parseSequence(closing: UInt8(ascii: "}"), kind: "object") { parser throws(JSONSyntaxError) in
            guard parser.current == UInt8(ascii: "\"") else {
                throw parser.error("expected a quoted key, found \(parser.describeCurrent())"
                    + (parser.current == UInt8(ascii: "}") ? " (trailing comma?)" : ""))
            }
            let keyLocation = parser.location
            let key = try parser.parseString()
            parser.skipWhitespace()
            guard parser.current == UInt8(ascii: ":") else {
                throw parser.error("expected ':' after key \"\(key)\", found \(parser.describeCurrent())")
            }
            parser.advance()
            parser.skipWhitespace()
            members.append(JSONNode.Member(key: key, keyLocation: keyLocation, value: try parser.parseValue()))
        }
        return JSONNode(value: .object(members), location: start)
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONNode {
        let start = location
        var items: [JSONNode] = []
        try parseSequence(closing: UInt8(ascii: "]"), kind: "array") { parser throws(JSONSyntaxError) in
            if parser.current == UInt8(ascii: "]") { throw parser.error("expected a value, found ']' (trailing comma?)") }
            items.append(try parser.parseValue())
        }
        return JSONNode(value: .array(items), location: start)
    }

    /// Parses `open`, then nothing or `element (, element)*`, then `closing`;
    /// `element` starts at a non-blank character.
    private mutating func parseSequence(closing: UInt8, kind: String,
                                        element: (inout JSONParser) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        let start = location
        try enter()
        advance()  // the opening bracket
        skipWhitespace()
        if current == closing {
            advance()
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                advance()
            case closing?:
                advance()
                depth -= 1
                return
            case nil:
                throw error("unexpected end of file; the \(kind) opened at \(start) is not closed")
            default:
                throw error("expected ',' or '\(Character(Unicode.Scalar(closing)))' in the \(kind), found \(describeCurrent())")
            }
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNode {
        let start = location
        let first = offset
        if current == UInt8(ascii: "-") { advance() }
        guard let lead = current, isDigit(lead) else { throw error("a number needs digits after '-'", at: start) }
        advance()
        if lead == UInt8(ascii: "0"), let next = current, isDigit(next) {
            throw error("numbers may not have leading zeros", at: start)
        }
        skipDigits()
        if current == UInt8(ascii: ".") {
            advance()
            guard let digit = current, isDigit(digit) else { throw error("a number needs digits after '.'") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard let digit = current, isDigit(digit) else { throw error("a number needs digits in its exponent") }
            skipDigits()
        }
        let text = String(decoding: bytes[first..<offset], as: UTF8.self)
        guard let number = Double(text), number.isFinite else { throw error("number \(text) is out of range", at: start) }
        return JSONNode(value: .number(number, text: text), location: start)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while let byte = current, isDigit(byte) { advance() }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = location
        advance()  // opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        func flush(_ parser: JSONParser, to end: Int) throws(JSONSyntaxError) -> String.UnicodeScalarView {
            let run = parser.bytes[runStart..<end]
            guard let text = String(validating: run, as: UTF8.self) else {
                throw parser.error("the string starting at \(start) is not valid UTF-8")
            }
            return text.unicodeScalars
        }
        while true {
            guard let byte = current else { throw error("unexpected end of file; the string starting at \(start) is not closed") }
            switch byte {
            case UInt8(ascii: "\""):
                scalars.append(contentsOf: try flush(self, to: offset))
                advance()
                return String(scalars)
            case UInt8(ascii: "\\"):
                scalars.append(contentsOf: try flush(self, to: offset))
                scalars.append(try parseEscape())
                runStart = offset
            case 0x00..<0x20:
                throw error(byte == 0x0A ? "line break inside a string (write \\n)" : "control character inside a string")
            default:
                advance()
            }
        }
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = location
        advance()  // backslash
        guard let byte = current else { throw error("unexpected end of file in an escape") }
        advance()
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4(escapeStart: start)
            if (0xD800..<0xDC00).contains(high) {
                guard current == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate \\u\(String(high, radix: 16, uppercase: true))", at: start)
                }
                advance()
                advance()
                let low = try parseHex4(escapeStart: start)
                guard (0xDC00..<0xE000).contains(low) else { throw error("invalid surrogate pair", at: start) }
                let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                guard let scalar = Unicode.Scalar(combined) else { throw error("invalid surrogate pair", at: start) }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw error("unpaired surrogate escape", at: start) }
            return scalar
        default:
            throw error("invalid escape '\\\(Character(Unicode.Scalar(byte)))'", at: start)
        }
    }

    private mutating func parseHex4(escapeStart: SourceLocation) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = hexValue(byte) else {
                throw error("\\u needs four hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
