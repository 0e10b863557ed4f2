/// A UTF-8 byte buffer that SVG text is written into: numbers are formatted by
/// hand (no Foundation in the inner loops) and every piece of text is XML-escaped.
struct SVGBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Markup written by this module itself; never pass user text here.
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup assembled from trusted pieces (colour names, numbers already formatted).
    mutating func rawString(_ markup: String) { bytes.append(contentsOf: markup.utf8) }

    /// Text content or attribute value, escaped for both contexts.
    mutating func text(_ value: String) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): raw("&amp;")
            case UInt8(ascii: "<"): raw("&lt;")
            case UInt8(ascii: ">"): raw("&gt;")
            case UInt8(ascii: "\""): raw("&quot;")
            case UInt8(ascii: "'"): raw("&apos;")
            // XML 1.0 forbids most control characters even when escaped.
            case 0..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D: bytes.append(UInt8(ascii: " "))
            default: bytes.append(byte)
            }
        }
    }

    mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8((magnitude / divisor) % 10))
            divisor /= 10
        }
    }

    /// A coordinate with one decimal, trailing ".0" dropped: enough for screen pixels.
    mutating func coordinate(_ value: Double) { fixed(value, decimals: 1) }

    /// `value` rounded to `decimals` places (0...6), trailing zeros dropped.
    mutating func fixed(_ value: Double, decimals: Int) {
        guard value.isFinite else { bytes.append(UInt8(ascii: "0")); return }
        let scale = Self.powersOfTen[min(max(decimals, 0), 6)]
        let scaled = (value * Double(scale)).rounded()
        // Beyond Int's range a coordinate is meaningless; clamp rather than trap.
        guard scaled.magnitude < 9.0e17 else { int(scaled < 0 ? -900_000_000_000_000_000 : 900_000_000_000_000_000); return }
        var units = Int(scaled)
        if units == 0 { bytes.append(UInt8(ascii: "0")); return }
        if units < 0 { bytes.append(UInt8(ascii: "-")); units = -units }
        var places = min(max(decimals, 0), 6)
        var fraction = units % scale
        while places > 0 && fraction % 10 == 0 && fraction != 0 { fraction /= 10; places -= 1 }
        if fraction == 0 { places = 0 }
        int(units / scale)
        if places > 0 {
            bytes.append(UInt8(ascii: "."))
            var divisor = Self.powersOfTen[places - 1]
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8((fraction / divisor) % 10))
                divisor /= 10
            }
        }
    }

    /// `name="value"` with a coordinate value, preceded by a space.
    mutating func attribute(_ name: StaticString, _ value: Double) {
        raw(" "); raw(name); raw("=\""); coordinate(value); raw("\"")
    }

    private static let powersOfTen = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]
}
