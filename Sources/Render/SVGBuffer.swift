/// A UTF-8 byte buffer that SVG text is written into: numbers are formatted by
/// hand (no Foundation in the inner loops) and every piece of text is XML-escaped.
///
/// It writes through a raw pointer into storage reserved up front: plots append
/// hundreds of thousands of pieces a few bytes long, and `Array.append` costs
/// several times more per piece. Noncopyable, so the storage has one owner.
struct SVGBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always)
    private mutating func byte(_ value: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = value
        count += 1
    }

    @inline(__always)
    private mutating func append(_ start: UnsafePointer<UInt8>, _ length: Int) {
        if count + length > capacity { grow(to: count + length) }
        (base + count).update(from: start, count: length)
        count += length
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Markup written by this module itself; never pass user text here.
    @inline(__always)
    mutating func raw(_ markup: StaticString) {
        append(markup.utf8Start, markup.utf8CodeUnitCount)
    }

    /// Markup assembled from trusted pieces (colour names, numbers already formatted).
    mutating func rawString(_ markup: String) {
        for value in markup.utf8 { byte(value) }
    }

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
            case 0..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D: self.byte(UInt8(ascii: " "))
            default: self.byte(byte)
            }
        }
    }

    mutating func int(_ value: Int) {
        // Room for any Int is made once; the digits are counted first so they can be
        // written in place from the last one (dividing by the constant 10 is cheap).
        if count + 20 > capacity { grow(to: count + 20) }
        if value < 0 { base[count] = UInt8(ascii: "-"); count += 1 }
        var magnitude = value.magnitude
        var digits = 1
        var rest = magnitude
        while rest >= 10 { rest /= 10; digits += 1 }
        var position = count + digits
        count = position
        repeat {
            position -= 1
            base[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }

    /// A coordinate with one decimal, trailing ".0" dropped: enough for screen pixels.
    mutating func coordinate(_ value: Double) {
        let tenths = (value * 10).rounded()
        guard tenths.magnitude < 9.0e17 else { fixed(value, decimals: 1); return }
        var units = Int(tenths)
        if units < 0 { byte(UInt8(ascii: "-")); units = -units }
        int(units / 10)
        let fraction = units % 10
        if fraction != 0 {
            byte(UInt8(ascii: "."))
            byte(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction))
        }
    }

    /// Appends one number of a pre-formatted list (edges written once, used by many cells).
    @inline(__always)
    mutating func append(_ numbers: FormattedNumbers, _ index: Int) {
        let start = numbers.offsets[index]
        append(numbers.storage + start, numbers.offsets[index + 1] - start)
    }

    /// `value` rounded to `decimals` places (0...6), trailing zeros dropped.
    mutating func fixed(_ value: Double, decimals: Int) {
        guard value.isFinite else { byte(UInt8(ascii: "0")); return }
        if decimals == 1, (value * 10).rounded().magnitude < 9.0e17 { coordinate(value); return }
        var places = min(max(decimals, 0), 6)
        let scale = Self.powersOfTen[places]
        let scaled = (value * Double(scale)).rounded()
        // Beyond Int's range a coordinate is meaningless; clamp rather than trap.
        guard scaled.magnitude < 9.0e17 else { int(scaled < 0 ? -900_000_000_000_000_000 : 900_000_000_000_000_000); return }
        var units = Int(scaled)
        if units == 0 { byte(UInt8(ascii: "0")); return }
        if units < 0 { byte(UInt8(ascii: "-")); units = -units }
        var fraction = units % scale
        if fraction == 0 { places = 0 }
        while places > 0 && fraction % 10 == 0 { fraction /= 10; places -= 1 }
        int(units / scale)
        guard places > 0 else { return }
        // The fraction's digits, leading zeros included, written from the last one.
        if count + places + 1 > capacity { grow(to: count + places + 1) }
        base[count] = UInt8(ascii: ".")
        var position = count + places
        count = position + 1
        while position > count - places - 1 {
            base[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction % 10)
            fraction /= 10
            position -= 1
        }
    }

    /// `name="value"` with a coordinate value, preceded by a space.
    mutating func attribute(_ name: StaticString, _ value: Double) {
        raw(" "); raw(name); raw("=\""); coordinate(value); raw("\"")
    }

    private static let powersOfTen = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]
}

/// Coordinates formatted once, for loops that write the same few numbers many times.
final class FormattedNumbers {
    let storage: UnsafeMutablePointer<UInt8>
    /// Number `i` is `storage[offsets[i]..<offsets[i + 1]]`.
    let offsets: [Int]

    init(_ values: [Double]) {
        var buffer = SVGBuffer(capacity: values.count * 6)
        var offsets = [0]
        offsets.reserveCapacity(values.count + 1)
        for value in values {
            buffer.coordinate(value)
            offsets.append(buffer.count)
        }
        storage = .allocate(capacity: max(buffer.count, 1))
        storage.initialize(from: buffer.bytes, count: buffer.count)
        self.offsets = offsets
    }

    deinit { storage.deallocate() }
}
