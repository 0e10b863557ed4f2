import CLZ4
import CLZMA
import CZlib
import CZstd

/// zlib streams (`ZL`) and ROOT's old raw-deflate blocks (`CS`).
enum Inflate {
    static func zlib(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> ROOTIOError.Reason? {
        inflate(input, into: output, windowBits: MAX_WBITS)
    }

    static func raw(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> ROOTIOError.Reason? {
        inflate(input, into: output, windowBits: -MAX_WBITS)
    }

    private static func inflate(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, windowBits: Int32
    ) -> ROOTIOError.Reason? {
        guard let inputBase = input.baseAddress, let outputBase = output.baseAddress else {
            return .decompressionFailed("empty zlib block")
        }
        var stream = z_stream()
        stream.next_in = UnsafeMutablePointer(mutating: inputBase.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        stream.next_out = outputBase.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(output.count)
        guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .decompressionFailed("zlib initialisation")
        }
        let status = CZlib.inflate(&stream, Z_FINISH)
        let produced = output.count - Int(stream.avail_out)
        inflateEnd(&stream)
        guard status == Z_STREAM_END, produced == output.count else {
            return .decompressionFailed("zlib status \(status), \(produced) of \(output.count) bytes")
        }
        return nil
    }
}

/// `XZ` blocks: one complete .xz stream each.
enum LZMA {
    static func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> ROOTIOError.Reason? {
        var memoryLimit: UInt64 = 1 << 28
        var inputPosition = 0, outputPosition = 0
        let status = lzma_stream_buffer_decode(
            &memoryLimit, 0, nil,
            input.baseAddress?.assumingMemoryBound(to: UInt8.self), &inputPosition, input.count,
            output.baseAddress?.assumingMemoryBound(to: UInt8.self), &outputPosition, output.count)
        guard status == LZMA_OK, outputPosition == output.count else {
            return .decompressionFailed("lzma status \(status.rawValue), \(outputPosition) of \(output.count) bytes")
        }
        return nil
    }
}

/// `ZS` blocks: one zstd frame each.
enum Zstd {
    static func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> ROOTIOError.Reason? {
        let produced = ZSTD_decompress(output.baseAddress, output.count, input.baseAddress, input.count)
        guard ZSTD_isError(produced) == 0, produced == output.count else {
            let reason = ZSTD_isError(produced) != 0 ? String(cString: ZSTD_getErrorName(produced)) : "\(produced) of \(output.count) bytes"
            return .decompressionFailed("zstd: \(reason)")
        }
        return nil
    }
}

/// `L4` blocks: a big-endian XXH64 of the LZ4 data, then a raw LZ4 block (not a frame).
enum LZ4Block {
    static func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> ROOTIOError.Reason? {
        guard input.count > 8 else { return .truncated(needed: 9, available: input.count) }
        var stored: UInt64 = 0
        for byte in input.prefix(8) { stored = stored << 8 | UInt64(byte) }
        let block = UnsafeRawBufferPointer(rebasing: input[8...])
        guard XXH64.hash(block) == stored else { return .checksumMismatch }
        guard input.count - 8 <= Int(Int32.max), output.count <= Int(Int32.max) else {
            return .invalid("LZ4 block larger than 2 GB")
        }
        let produced = LZ4_decompress_safe(
            block.baseAddress?.assumingMemoryBound(to: CChar.self),
            output.baseAddress?.assumingMemoryBound(to: CChar.self),
            Int32(block.count), Int32(output.count))
        guard produced == output.count else {
            return .decompressionFailed("lz4 produced \(produced) of \(output.count) bytes")
        }
        return nil
    }
}
