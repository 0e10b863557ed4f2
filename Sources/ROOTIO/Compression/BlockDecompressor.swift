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

    /// The codecs by their magic: "ZL", "CS", "XZ", "L4", "ZS".
    enum Codec {
        case zlib, oldDeflate, lzma, lz4, zstd

        /// The codec named by a block's two magic bytes, compared as bytes (no string built).
        init?(magic first: UInt8, _ second: UInt8) {
            switch (first, second) {
            case (UInt8(ascii: "Z"), UInt8(ascii: "L")): self = .zlib
            case (UInt8(ascii: "C"), UInt8(ascii: "S")): self = .oldDeflate
            case (UInt8(ascii: "X"), UInt8(ascii: "Z")): self = .lzma
            case (UInt8(ascii: "L"), UInt8(ascii: "4")): self = .lz4
            case (UInt8(ascii: "Z"), UInt8(ascii: "S")): self = .zstd
            default: return nil
            }
        }
    }

    /// Decompresses `input` into exactly `objectBytes` bytes. Every block header is checked
    /// before anything is allocated, so lying sizes cannot cause huge allocations.
    public static func decompress(_ input: [UInt8], objectBytes: Int) throws(ROOTIOError) -> [UInt8] {
        try input.withRawBytes { raw throws(ROOTIOError) in try decompress(raw, objectBytes: objectBytes) }
    }

    /// The same, straight from bytes in place (a mapped file), with no copy of the input.
    public static func decompress(_ input: UnsafeRawBufferPointer, objectBytes: Int) throws(ROOTIOError) -> [UInt8] {
        // First pass: only check the headers; second: decode (headers are re-read rather
        // than kept, which spares an allocation per object).
        try forEachBlock(input, objectBytes: objectBytes) { _ in }
        var failure: ROOTIOError?
        // The blocks' outputs tile the object exactly (checked above), so the bytes are
        // decoded into uninitialised memory rather than zeroed first.
        let output = [UInt8](unsafeUninitializedCapacity: objectBytes) { destination, initialized in
            do throws(ROOTIOError) {
                try forEachBlock(input, objectBytes: objectBytes) { block throws(ROOTIOError) in
                    if let reason = decode(
                        block.codec, UnsafeRawBufferPointer(rebasing: input[block.payload]),
                        into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(destination)[block.output]))
                    {
                        throw ROOTIOError(reason, offset: block.payload.lowerBound - 9)
                    }
                }
                initialized = objectBytes
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return output
    }

    /// Parses the block headers in order, checking each against the input and the
    /// remaining object size, until the object is complete.
    static func forEachBlock(
        _ input: UnsafeRawBufferPointer, objectBytes: Int, _ body: (Block) throws(ROOTIOError) -> Void
    ) throws(ROOTIOError) {
        var position = 0, produced = 0
        while produced < objectBytes {
            guard input.count - position >= 9 else {
                throw ROOTIOError(.truncated(needed: 9, available: input.count - position), offset: position)
            }
            guard let codec = Codec(magic: input[position], input[position + 1]) else {
                throw ROOTIOError(.unknownCompression(magicText(input[position..<(position + 2)])), offset: position)
            }
            let compressed = littleEndian24(input, position + 3), uncompressed = littleEndian24(input, position + 6)
            let payloadStart = position + 9
            guard compressed <= input.count - payloadStart else {
                throw ROOTIOError(.truncated(needed: compressed, available: input.count - payloadStart), offset: position)
            }
            guard uncompressed > 0, uncompressed <= objectBytes - produced else {
                throw ROOTIOError(.invalid("compression block of \(uncompressed) bytes where \(objectBytes - produced) remain"), offset: position)
            }
            try body(Block(
                codec: codec,
                payload: payloadStart..<(payloadStart + compressed),
                output: produced..<(produced + uncompressed)))
            produced += uncompressed
            position = payloadStart + compressed
        }
    }

    /// An unknown magic as letters when it is letters, else in hex.
    private static func magicText(_ magic: Slice<UnsafeRawBufferPointer>) -> String {
        let text = String(decoding: magic, as: UTF8.self)
        return text.unicodeScalars.allSatisfy(\.properties.isAlphabetic) ? text : "0x" + magic.map { String($0, radix: 16) }.joined()
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
