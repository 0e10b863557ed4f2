/// The few JSON-writing moves the report needs (RFC 8259), appended as UTF-8 bytes to
/// one buffer: appending to a `String` piece by piece cost most of the encoding time, and
/// `JSONEncoder` several times more. Report writers of other modules build on it.
public struct JSONWriter {
    public private(set) var out: [UInt8] = []
    private var needsComma = false

    public init(capacity: Int = 0) { out.reserveCapacity(capacity) }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        out.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        out.append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func array<Element>(_ elements: [Element], _ body: (inout JSONWriter, Element) -> Void) {
        out.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            body(&self, element)
        }
        out.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A field named by this module: the name needs no escaping.
    public mutating func field(_ key: StaticString, _ value: (inout JSONWriter) -> Void) {
        if needsComma { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        raw(key)
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        value(&self)
        needsComma = true
    }

    /// A field named by input (comparator names, score keys): the name is escaped.
    public mutating func field(named key: String, _ value: (inout JSONWriter) -> Void) {
        if needsComma { out.append(UInt8(ascii: ",")) }
        string(key)
        out.append(UInt8(ascii: ":"))
        value(&self)
        needsComma = true
    }

    /// Non-finite numbers have no JSON form: written as `null`, as the decoder expects.
    public mutating func number(_ value: Double) {
        if value.isFinite { out.append(contentsOf: value.description.utf8) } else { raw("null") }
    }

    public mutating func integer(_ value: Int) { out.append(contentsOf: String(value).utf8) }

    public mutating func optionalNumber(_ value: Double?) {
        if let value { number(value) } else { raw("null") }
    }

    public mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    public mutating func string(_ text: String) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case UInt8(ascii: "\n"): raw("\\n")
            case UInt8(ascii: "\r"): raw("\\r")
            case UInt8(ascii: "\t"): raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                out.append(Self.hexDigits[Int(byte >> 4)])
                out.append(Self.hexDigits[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private mutating func raw(_ text: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
