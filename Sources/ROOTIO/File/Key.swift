/// A `TKey`: the header of a record, also copied into its directory's keys list.
/// Listing keys reads only these headers; no object is decompressed.
public struct Key: Sendable, Equatable {
    /// Bytes of the whole record on disk: this header plus the (maybe compressed) object.
    public let recordBytes: Int
    /// Bytes of the object once decompressed.
    public let objectBytes: Int
    public let headerBytes: Int
    public let cycle: Int
    /// File offset of the record.
    public let seekKey: Int
    /// File offset of the owning directory's record.
    public let seekParentDirectory: Int
    public let className: String
    public let name: String
    public let title: String

    /// Largest object we agree to inflate; bounds memory on lying length fields.
    static let maximumObjectBytes = 1 << 30

    /// Parses one key header; keys lists are parsed field by field because ROOT 5.2x
    /// wrote header copies whose fKeylen does not match their own strings.
    init(from reader: inout ByteReader) throws(ROOTIOError) {
        let start = reader.position
        recordBytes = Int(try reader.i32())
        let version = Int(try reader.i16())
        objectBytes = Int(try reader.i32())
        _ = try reader.u32()  // fDatime
        headerBytes = Int(try reader.i16())
        cycle = Int(abs(Int32(try reader.i16())))
        let big = version > 1000
        seekKey = try reader.seekPointer(big: big)
        // The top 16 bits of a 64-bit parent pointer may hold a TProcessID index.
        seekParentDirectory = try reader.seekPointer(big: big) & 0x0000_FFFF_FFFF_FFFF
        className = try reader.string()
        name = try reader.string()
        title = try reader.string()
        guard headerBytes >= 26, recordBytes >= headerBytes else {
            throw ROOTIOError(.invalid("key header: fNbytes \(recordBytes), fKeylen \(headerBytes)"), offset: start)
        }
        guard objectBytes >= 0, objectBytes <= Self.maximumObjectBytes else {
            throw ROOTIOError(.invalid("key header: fObjlen \(objectBytes)"), offset: start)
        }
    }

    public var isDirectory: Bool { className == "TDirectory" || className == "TDirectoryFile" }

    /// ROOT's own test: stored bytes differ from the object size only when compressed.
    var isCompressed: Bool { objectBytes != recordBytes - headerBytes }
    var dataOffset: Int { seekKey + headerBytes }
    var storedBytes: Int { recordBytes - headerBytes }
}
