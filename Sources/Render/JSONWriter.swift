/// The few JSON-writing moves the report needs (RFC 8259), appended as UTF-8 bytes to
/// one buffer: appending to a `String` piece by piece cost most of the encoding time, and
/// `JSONEncoder` several times more. Report writers of other modules build on it, so it
/// is inlinable: unspecialised across modules, its generic `array` cost more than the rest.
public struct JSONWriter {
    /// The document so far.
    public var out: [UInt8] { bytes }
    @usableFromInline var bytes: [UInt8] = []
    @usableFromInline var needsComma = false

    @inlinable public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inlinable public mutating func object(_ body: (inout JSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    @inlinable public mutating func array<Element>(_ elements: [Element], _ body: (inout JSONWriter, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            body(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A field named by this module: the name needs no escaping.
    @inlinable public mutating func field(_ key: StaticString, _ value: (inout JSONWriter) -> Void) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        raw(key)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        value(&self)
        needsComma = true
    }

    /// A field named by input (comparator names, score keys): the name is escaped.
    @inlinable public mutating func field(named key: String, _ value: (inout JSONWriter) -> Void) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        string(key)
        bytes.append(UInt8(ascii: ":"))
        value(&self)
        needsComma = true
    }

    /// Non-finite numbers have no JSON form: written as `null`, as the decoder expects.
    @inlinable public mutating func number(_ value: Double) {
        if value.isFinite { bytes.append(contentsOf: value.description.utf8) } else { raw("null") }
    }

    @inlinable public mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    @inlinable public mutating func optionalNumber(_ value: Double?) {
        if let value { number(value) } else { raw("null") }
    }

    @inlinable public mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    @inlinable public mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Paths and names rarely need escaping: copy them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case UInt8(ascii: "\n"): raw("\\n")
            case UInt8(ascii: "\r"): raw("\\r")
            case UInt8(ascii: "\t"): raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    @inlinable mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @usableFromInline static let hexDigits = Array("0123456789abcdef".utf8)
}
