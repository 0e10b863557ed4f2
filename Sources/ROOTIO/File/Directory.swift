/// A `TDirectory` and its keys list, read eagerly; its subdirectories are read on demand.
public struct Directory: Sendable {
    /// Path from the file's top directory, components joined with "/"; "" for the top.
    public let path: String
    /// Every key in the list, all cycles, in ROOT's order.
    public let keys: [Key]
    /// File offset of the keys-list record (0 when empty); identifies the directory when
    /// walking, so that a cyclic tree is caught.
    public let seekKeys: Int

    /// The highest cycle of the key named exactly `name`, or of cycle `cycle` if given.
    public func key(named name: String, cycle: Int? = nil) -> Key? {
        var best: Key?
        for key in keys where key.name == name {
            if let cycle {
                if key.cycle == cycle { return key }
            } else if key.cycle > (best?.cycle ?? Int.min) {
                best = key
            }
        }
        return best
    }

    func childPath(_ name: String) -> String { path.isEmpty ? name : path + "/" + name }
}

extension Directory {
    /// The 60-byte directory record (small or big form), as far as a reader needs it.
    struct Record {
        let nbytesKeys: Int
        let seekKeys: Int

        init(from reader: inout ByteReader) throws(ROOTIOError) {
            let version = Int(try reader.i16())
            _ = try reader.u32()  // fDatimeC
            _ = try reader.u32()  // fDatimeM
            nbytesKeys = Int(try reader.i32())
            _ = try reader.i32()  // fNbytesName
            let big = version > 1000
            _ = try reader.seekPointer(big: big)  // fSeekDir
            _ = try reader.seekPointer(big: big)  // fSeekParent
            seekKeys = try reader.seekPointer(big: big)
            guard nbytesKeys >= 0 else { throw reader.error(.invalid("directory: fNbytesKeys \(nbytesKeys)")) }
        }

        /// Smallest possible serialized key header: fixed part plus three empty strings.
        static let minimumKeyBytes = 29

        /// Parses the keys-list record: its own key header, a count, then that many key headers.
        func keys(from bytes: [UInt8], fileSize: Int) throws(ROOTIOError) -> [Key] {
            var reader = ByteReader(bytes)
            _ = try Key(from: &reader)
            let count = Int(try reader.i32())
            guard count >= 0, count <= reader.remaining / Self.minimumKeyBytes else {
                throw reader.error(.invalid("keys list: \(count) keys in \(reader.remaining) bytes"))
            }
            var keys: [Key] = []
            keys.reserveCapacity(count)
            for _ in 0..<count {
                let key = try Key(from: &reader)
                guard key.seekKey >= 64, key.seekKey <= fileSize else {
                    throw reader.error(.invalid("key '\(key.name)' points at offset \(key.seekKey) outside the file"))
                }
                keys.append(key)
            }
            return keys
        }
    }
}
