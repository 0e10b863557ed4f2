/// A big-endian cursor over a byte buffer in which every read is bounds-checked
/// and throws instead of trapping, so corrupt input cannot crash the reader.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var position: Int
    /// Added to a buffer position to form ROOT's object-reference offsets: an
    /// object buffer sits after its key header, and references count from the key start.
    let referenceOrigin: Int

    init(_ bytes: [UInt8], position: Int = 0, referenceOrigin: Int = 0) {
        self.bytes = bytes
        self.position = position
        self.referenceOrigin = referenceOrigin
    }

    var remaining: Int { bytes.count - position }
    var isAtEnd: Bool { position >= bytes.count }

    func error(_ reason: ROOTIOError.Reason) -> ROOTIOError { ROOTIOError(reason, offset: position) }

    /// Throws unless `count` more bytes are available.
    func require(_ count: Int) throws(ROOTIOError) {
        guard count >= 0, count <= remaining else {
            throw error(.truncated(needed: count, available: remaining))
        }
    }

    mutating func skip(_ count: Int) throws(ROOTIOError) {
        try require(count)
        position += count
    }

    mutating func seek(to newPosition: Int) throws(ROOTIOError) {
        guard newPosition >= 0, newPosition <= bytes.count else {
            throw error(.truncated(needed: newPosition - position, available: remaining))
        }
        position = newPosition
    }

    @inline(__always)
    private mutating func load<T: FixedWidthInteger>(_: T.Type) throws(ROOTIOError) -> T {
        let size = MemoryLayout<T>.size
        try require(size)
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: T.self) }
        position += size
        return T(bigEndian: value)
    }

    @inline(__always) mutating func u8() throws(ROOTIOError) -> UInt8 { try load(UInt8.self) }
    @inline(__always) mutating func i8() throws(ROOTIOError) -> Int8 { try load(Int8.self) }
    @inline(__always) mutating func u16() throws(ROOTIOError) -> UInt16 { try load(UInt16.self) }
    @inline(__always) mutating func i16() throws(ROOTIOError) -> Int16 { try load(Int16.self) }
    @inline(__always) mutating func u32() throws(ROOTIOError) -> UInt32 { try load(UInt32.self) }
    @inline(__always) mutating func i32() throws(ROOTIOError) -> Int32 { try load(Int32.self) }
    @inline(__always) mutating func i64() throws(ROOTIOError) -> Int64 { try load(Int64.self) }
    @inline(__always) mutating func f32() throws(ROOTIOError) -> Float { Float(bitPattern: try load(UInt32.self)) }
    @inline(__always) mutating func f64() throws(ROOTIOError) -> Double { Double(bitPattern: try load(UInt64.self)) }

    /// A 32- or 64-bit file offset, as chosen by a record's version.
    mutating func seekPointer(big: Bool) throws(ROOTIOError) -> Int {
        let value = big ? try i64() : Int64(try i32())
        guard value >= 0, value <= Int64(Int.max / 2) else { throw error(.invalid("negative or huge file offset \(value)")) }
        return Int(value)
    }

    /// A ROOT `TString`: one length byte, or 255 and a 32-bit length, then the bytes.
    mutating func string() throws(ROOTIOError) -> String {
        let length = try stringLength()
        let text = String(decoding: bytes[position..<(position + length)], as: UTF8.self)
        position += length
        return text
    }

    /// Passes over a `TString` that is not kept, without building it.
    mutating func skipString() throws(ROOTIOError) {
        position += try stringLength()
    }

    private mutating func stringLength() throws(ROOTIOError) -> Int {
        var length = Int(try u8())
        if length == 255 { length = Int(try u32()) }
        try require(length)
        return length
    }

    /// A NUL-terminated class name, as written in a new-class tag.
    mutating func cString() throws(ROOTIOError) -> String {
        guard let terminator = bytes[position...].firstIndex(of: 0) else {
            throw error(.invalid("class name without terminator"))
        }
        let text = String(decoding: bytes[position..<terminator], as: UTF8.self)
        position = terminator + 1
        return text
    }

    /// `count` big-endian elements converted to `Double`, after checking they are all present.
    mutating func numbers(_ element: NumericElement, count: Int) throws(ROOTIOError) -> [Double] {
        let start = position
        try skipNumbers(element, count: count)
        // One loop per element type, so that each is a plain byte-swapping loop.
        switch element {
        case .int8: return convert(start, count, Int8.self) { Double($0) }
        case .int16: return convert(start, count, Int16.self) { Double($0) }
        case .int32: return convert(start, count, Int32.self) { Double($0) }
        case .int64: return convert(start, count, Int64.self) { Double($0) }
        case .float32: return convert(start, count, UInt32.self) { Double(Float(bitPattern: $0)) }
        case .float64: return convert(start, count, UInt64.self) { Double(bitPattern: $0) }
        }
    }

    /// A plain loop over raw memory with wrapping index arithmetic (`numbers` checked the
    /// range), so that the compiler vectorizes the byte swap and conversion.
    @inline(__always)
    private func convert<T: FixedWidthInteger>(
        _ start: Int, _ count: Int, _: T.Type, _ transform: (T) -> Double
    ) -> [Double] {
        bytes.withUnsafeBytes { raw in
            [Double](unsafeUninitializedCapacity: count) { output, initialized in
                guard let source = raw.baseAddress.map({ $0 + start }), let target = output.baseAddress else { return }
                let size = MemoryLayout<T>.size
                var index = 0
                while index < count {
                    target[index] = transform(T(bigEndian: source.loadUnaligned(fromByteOffset: index &* size, as: T.self)))
                    index &+= 1
                }
                initialized = count
            }
        }
    }

    /// Passes over `count` elements that are not kept, after checking they are all present.
    mutating func skipNumbers(_ element: NumericElement, count: Int) throws(ROOTIOError) {
        guard count >= 0, count <= remaining / element.size else {
            throw error(.truncated(needed: max(count, 0) &* element.size, available: remaining))
        }
        position += count * element.size
    }

    /// A `TArray`: a 32-bit count then the elements, with no class header.
    mutating func array(_ element: NumericElement) throws(ROOTIOError) -> [Double] {
        try numbers(element, count: try arrayCount())
    }

    /// Passes over a `TArray` that is not kept.
    mutating func skipArray(_ element: NumericElement) throws(ROOTIOError) {
        try skipNumbers(element, count: try arrayCount())
    }

    private mutating func arrayCount() throws(ROOTIOError) -> Int {
        let count = Int(try i32())
        guard count >= 0 else { throw error(.invalid("negative array length \(count)")) }
        return count
    }
}

/// The element types of ROOT's numeric arrays (`TArrayC/S/I/L64/F/D`).
public enum NumericElement: Sendable, Equatable {
    case int8, int16, int32, int64, float32, float64

    var size: Int {
        switch self {
        case .int8: 1
        case .int16: 2
        case .int32, .float32: 4
        case .int64, .float64: 8
        }
    }
}
