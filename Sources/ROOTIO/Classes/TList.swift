/// `TList` and `THashList` (streamed by TList's streamer). Known versions: 3–5
/// (ROOT 4 wrote 4; 5 since). We read bin labels out of them and skip everything else.
extension ObjectReader {
    static let tListVersions = 1...5

    /// Walks a list's entries, handing each new object to `entry` with its class name and
    /// end; `entry` must leave the reader at that end. Entries it cannot identify are skipped.
    mutating func tList(
        _ className: String, entry: (inout ObjectReader, _ className: String, _ end: Int?) throws(ROOTIOError) -> Void
    ) throws(ROOTIOError) {
        let header = try header(className)
        try check(header, known: Self.tListVersions)
        if header.version > 2 { try tObject() }
        if header.version > 1 { try bytes.skipString() }  // fName
        let count = Int(try bytes.i32())
        guard count >= 0, count <= bytes.remaining / 4 else {
            throw bytes.error(.invalid("\(className) of \(count) entries in \(bytes.remaining) bytes"))
        }
        for _ in 0..<count {
            switch try pointer() {
            case .null, .reference:
                break
            case let .object(entryClass?, end):
                try entry(&self, entryClass, end)
                if let end, bytes.position != end {
                    throw bytes.error(.byteCountMismatch(className: entryClass, expected: end, actual: bytes.position))
                }
            case let .object(nil, end?):
                try bytes.seek(to: end)
            case .object(nil, nil):
                throw bytes.error(.invalid("\(className) entry of unknown class without byte count"))
            }
            if header.version > 3 {
                // Option string: in v5 a 255 length byte is followed by a 32-bit length.
                var length = Int(try bytes.u8())
                if length == 255 && header.version > 4 { length = Int(try bytes.u32()) }
                try bytes.skip(length)
            }
        }
        try finish(header)
    }

    /// Skips every entry of a list (e.g. `TH1::fFunctions`: fits, stats boxes).
    mutating func skipList(_ className: String) throws(ROOTIOError) {
        try tList(className) { reader, entryClass, end throws(ROOTIOError) in
            guard let end else { throw reader.bytes.error(.invalid("\(entryClass) in a list without byte count")) }
            try reader.bytes.seek(to: end)
        }
    }

    /// A pointer to a list, or null; skips its content.
    mutating func skipListPointer() throws(ROOTIOError) {
        switch try pointer() {
        case .null, .reference:
            return
        case let .object(_, end?):
            try bytes.seek(to: end)
        case .object(_, nil):
            throw bytes.error(.invalid("list pointer without byte count"))
        }
    }
}
