/// Reads a streamed ROOT object: byte-count/version headers, `TObject`, pointers with
/// class tags and references (TBufferFile's rules), on top of a checked byte cursor.
struct ObjectReader {
    var bytes: ByteReader
    /// Class names by reference offset (kMapOffset-adjusted, from the key start).
    private var classes: [Int: String] = [:]

    init(_ buffer: [UInt8], keyLength: Int) {
        bytes = ByteReader(buffer, referenceOrigin: keyLength)
    }

    static let byteCountMask: UInt32 = 0x4000_0000
    static let newClassTag: UInt32 = 0xFFFF_FFFF
    static let classMask: UInt32 = 0x8000_0000
    static let mapOffset = 2

    /// A class's version and, when a byte count was written, where its bytes end.
    struct ClassHeader {
        let className: String
        let version: Int
        let end: Int?
    }

    /// Reads the optional byte count and the version of a class block.
    @inline(__always)
    mutating func header(_ className: String) throws(ROOTIOError) -> ClassHeader {
        let start = bytes.position
        let word = try bytes.u32()
        var end: Int?
        if word & Self.byteCountMask != 0 {
            let count = Int(word & ~Self.byteCountMask)
            guard count >= 2, count <= bytes.remaining else {
                throw bytes.error(.truncated(needed: count, available: bytes.remaining))
            }
            end = bytes.position + count
        } else {
            try bytes.seek(to: start)
        }
        return ClassHeader(className: className, version: Int(try bytes.i16()), end: end)
    }

    /// Checks that a class's members ended exactly where its byte count said.
    @inline(__always)
    func finish(_ header: ClassHeader) throws(ROOTIOError) {
        if let end = header.end, end != bytes.position {
            throw bytes.error(.byteCountMismatch(className: header.className, expected: end, actual: bytes.position))
        }
    }

    /// Skips a whole class block that we do not model; it must carry a byte count.
    mutating func skipBlock(_ className: String) throws(ROOTIOError) {
        let header = try header(className)
        guard let end = header.end else { throw bytes.error(.invalid("\(className) without byte count")) }
        try bytes.seek(to: end)
    }

    /// Throws unless `version` is one this reader knows the layout of.
    func check(_ header: ClassHeader, known: ClosedRange<Int>) throws(ROOTIOError) {
        guard known.contains(header.version) else {
            throw bytes.error(.unsupportedVersion(className: header.className, version: header.version))
        }
    }

    /// `TObject` (custom streamer, no byte count); returns fUniqueID and fBits.
    @discardableResult
    mutating func tObject() throws(ROOTIOError) -> (uniqueID: UInt32, bits: UInt32) {
        let version = try bytes.u16()
        // The high half of a byte count: skip its low half and the real version.
        if version & 0x4000 != 0 { try bytes.skip(4) }
        let uniqueID = try bytes.u32(), bits = try bytes.u32()
        if bits & (1 << 4) != 0 { try bytes.skip(2) }  // kIsReferenced: TProcessID index
        return (uniqueID, bits)
    }

    /// `TNamed`: name and title.
    mutating func tNamed() throws(ROOTIOError) -> (name: String, title: String) {
        let header = try header("TNamed")
        try tObject()
        let named = (try bytes.string(), try bytes.string())
        try finish(header)
        return named
    }

    /// What a pointer ("object-any") refers to.
    enum Pointer {
        case null
        /// An object already read in this buffer: nothing follows.
        case reference
        /// A new object of `className` (nil if its class tag could not be resolved), whose
        /// body follows and ends at `end` when a byte count was written.
        case object(className: String?, end: Int?)
    }

    mutating func pointer() throws(ROOTIOError) -> Pointer {
        let start = bytes.position
        let word = try bytes.u32()
        if word == 0 { return .null }
        var tag = word, tagPosition = start, end: Int?
        if word & Self.byteCountMask != 0 && word != Self.newClassTag {
            let count = Int(word & ~Self.byteCountMask)
            guard count >= 4, count <= bytes.remaining else {
                throw bytes.error(.truncated(needed: count, available: bytes.remaining))
            }
            end = bytes.position + count
            tagPosition = bytes.position
            tag = try bytes.u32()
        }
        if tag & Self.classMask == 0 { return .reference }
        let className: String?
        if tag == Self.newClassTag {
            let name = try bytes.cString()
            classes[bytes.referenceOrigin + tagPosition + Self.mapOffset] = name
            className = name
        } else {
            className = classes[Int(tag & ~Self.classMask)]
        }
        return .object(className: className, end: end)
    }
}
