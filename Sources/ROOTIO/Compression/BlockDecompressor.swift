/// Decodes ROOT's compressed object data: a sequence of blocks, each a 9-byte header
/// (codec magic, method, 3-byte little-endian compressed and uncompressed sizes) and a payload.
public enum BlockDecompressor {
    /// ROOT's kMAXZIPBUF: the largest uncompressed size of one block.
    static let maximumBlockBytes = 0xFF_FFFF

    struct Block {
        let codec: Codec
        let payload: Range<Int>
        let output: Range<Int>
    }

    enum Codec: String {
        case zlib = "ZL", oldDeflate = "CS", lzma = "XZ", lz4 = "L4", zstd = "ZS"
    }

    /// Decompresses `input` into exactly `objectBytes` bytes. Every block header is checked
    /// before anything is allocated, so lying sizes cannot cause huge allocations.
    public static func decompress(_ input: [UInt8], objectBytes: Int) throws(ROOTIOError) -> [UInt8] {
        try input.withRawBytes { raw throws(ROOTIOError) in try decompress(raw, objectBytes: objectBytes) }
    }

    /// The same, straight from bytes in place (a mapped file), with no copy of the input.
    public static func decompress(_ input: UnsafeRawBufferPointer, objectBytes: Int) throws(ROOTIOError) -> [UInt8] {
        let blocks = try blockLayout(input, objectBytes: objectBytes)
        var failure: ROOTIOError?
        // The blocks' outputs tile the object exactly (`blockLayout` checks it), so the
        // bytes are decoded into uninitialised memory rather than zeroed first.
        let output = [UInt8](unsafeUninitializedCapacity: objectBytes) { destination, initialized in
            for block in blocks {
                if let reason = decode(
                    block.codec, UnsafeRawBufferPointer(rebasing: input[block.payload]),
                    into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(destination)[block.output]))
                {
                    failure = ROOTIOError(reason, offset: block.payload.lowerBound - 9)
                    return
                }
            }
            initialized = objectBytes
        }
        if let failure { throw failure }
        return output
    }

    static func blockLayout(_ input: UnsafeRawBufferPointer, objectBytes: Int) throws(ROOTIOError) -> [Block] {
        var blocks: [Block] = []
        var position = 0, produced = 0
        while produced < objectBytes {
            guard input.count - position >= 9 else {
                throw ROOTIOError(.truncated(needed: 9, available: input.count - position), offset: position)
            }
            let magic = input[position..<(position + 2)]
            guard let codec = Codec(rawValue: String(decoding: magic, as: UTF8.self)) else {
                let text = String(decoding: magic, as: UTF8.self)
                throw ROOTIOError(.unknownCompression(text.unicodeScalars.allSatisfy(\.properties.isAlphabetic) ? text : "0x" + magic.map { String($0, radix: 16) }.joined()), offset: position)
            }
            let compressed = littleEndian24(input, position + 3), uncompressed = littleEndian24(input, position + 6)
            let payloadStart = position + 9
            guard compressed <= input.count - payloadStart else {
                throw ROOTIOError(.truncated(needed: compressed, available: input.count - payloadStart), offset: position)
            }
            guard uncompressed > 0, uncompressed <= objectBytes - produced else {
                throw ROOTIOError(.invalid("compression block of \(uncompressed) bytes where \(objectBytes - produced) remain"), offset: position)
            }
            blocks.append(Block(
                codec: codec,
                payload: payloadStart..<(payloadStart + compressed),
                output: produced..<(produced + uncompressed)))
            produced += uncompressed
            position = payloadStart + compressed
        }
        return blocks
    }

    private static func littleEndian24(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> Int {
        Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16
    }

    /// Decodes one block's payload into its output range; returns why it failed, if it did.
    private static func decode(
        _ codec: Codec, _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) -> ROOTIOError.Reason? {
        switch codec {
        case .zlib: Inflate.zlib(input, into: output)
        case .oldDeflate: Inflate.raw(input, into: output)
        case .lzma: LZMA.decode(input, into: output)
        case .lz4: LZ4Block.decode(input, into: output)
        case .zstd: Zstd.decode(input, into: output)
        }
    }
}
