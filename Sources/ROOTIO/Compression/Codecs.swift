import CDeflate
import CLZ4
import CLZMA
import CZstd
import Synchronization

/// zlib streams (`ZL`) and ROOT's old raw-deflate blocks (`CS`), inflated by libdeflate
/// straight into the object's bytes (a block's output size is known up front, which is
/// what libdeflate's whole-buffer interface needs; it checks the Adler-32 as zlib does).
enum Inflate {
    static func zlib(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> ROOTIOError.Reason? {
        inflate(input, into: output, format: "zlib", libdeflate_zlib_decompress)
    }

    static func raw(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> ROOTIOError.Reason? {
        inflate(input, into: output, format: "deflate", libdeflate_deflate_decompress)
    }

    private typealias Decode = (
        OpaquePointer?, UnsafeRawPointer?, Int, UnsafeMutableRawPointer?, Int, UnsafeMutablePointer<Int>?
    ) -> libdeflate_result

    private static func inflate(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, format: String, _ decode: Decode
    ) -> ROOTIOError.Reason? {
        guard input.baseAddress != nil, output.baseAddress != nil else { return .decompressionFailed("empty \(format) block") }
        let result = DecompressorPool.withDecompressor { decompressor in
            var produced = 0
            let status = decode(decompressor, input.baseAddress, input.count, output.baseAddress, output.count, &produced)
            return (status, produced)
        }
        guard let (status, produced) = result else { return .decompressionFailed("\(format) initialisation") }
        guard status == LIBDEFLATE_SUCCESS, produced == output.count else {
            return .decompressionFailed("\(format) status \(status.rawValue), \(produced) of \(output.count) bytes")
        }
        return nil
    }
}

/// libdeflate decompressors kept for reuse: making one allocates and zeroes about 11 KB,
/// which costs as much as inflating a small histogram. One is taken per call, so threads
/// never share one; the pool grows to the number of threads that inflate at once.
enum DecompressorPool {
    private struct Handle: @unchecked Sendable {
        let decompressor: OpaquePointer
    }

    private static let idle = Mutex<[Handle]>([])

    /// Runs `body` with a decompressor of its own; nil if none could be made.
    static func withDecompressor<Result>(_ body: (OpaquePointer) -> Result) -> Result? {
        let reused = idle.withLock { $0.popLast() }
        guard let handle = reused ?? libdeflate_alloc_decompressor().map(Handle.init) else { return nil }
        defer { idle.withLock { $0.append(handle) } }
        return body(handle.decompressor)
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
