import Foundation
import ROOTIO
import Testing
import TestSupport

/// Compression blocks decoded on their own, and what no fixture file exercises: ROOT's
/// old `CS` blocks and corrupted LZ4 checksums.
@Suite struct CompressionTests {
    /// The stored bytes and object size of the first compressed histogram of a fixture.
    static func firstCompressedHistogram(_ fixture: String) throws -> (stored: [UInt8], objectBytes: Int) {
        let file = try ROOTFile(path: Fixtures.directory.appendingPathComponent(fixture).path)
        let listed = try #require(try file.listAllKeys().first {
            ROOTClass(className: $0.key.className).isHistogram && $0.key.objectBytes != $0.key.recordBytes - $0.key.headerBytes
        })
        return (try file.storedBytes(of: listed.key), listed.key.objectBytes)
    }

    /// A `ZL` payload is a zlib stream: a 2-byte header, raw deflate, a 4-byte Adler-32.
    /// Stripping both gives the raw deflate that ROOT's old `CS` blocks hold.
    @Test func oldDeflateBlocksDecodeLikeZlib() throws {
        let (stored, objectBytes) = try Self.firstCompressedHistogram("classes/classes.root")
        #expect(Array(stored.prefix(2)) == Array("ZL".utf8))
        let compressed = Int(stored[3]) | Int(stored[4]) << 8 | Int(stored[5]) << 16
        try #require(compressed + 9 == stored.count, "one block")
        let rawDeflate = Array(stored[11..<(stored.count - 4)])
        let size = rawDeflate.count
        let header = Array("CS".utf8) + [8, UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16)]
        let oldBlock = header + stored[6..<9] + rawDeflate
        let expected = try BlockDecompressor.decompress(stored, objectBytes: objectBytes)
        #expect(try BlockDecompressor.decompress(oldBlock, objectBytes: objectBytes) == expected)
    }

    @Test func corruptedLZ4ChecksumIsReported() throws {
        var (stored, objectBytes) = try Self.firstCompressedHistogram("compression/run315000-compress404.root")
        #expect(Array(stored.prefix(2)) == Array("L4".utf8))
        #expect(try BlockDecompressor.decompress(stored, objectBytes: objectBytes).count == objectBytes)
        stored[9] ^= 0x01  // first byte of the XXH64 checksum
        #expect(throws: ROOTIOError(.checksumMismatch, offset: 0)) {
            try BlockDecompressor.decompress(stored, objectBytes: objectBytes)
        }
    }

    @Test func unknownCodecIsNamed() {
        let block: [UInt8] = Array("QZ".utf8) + [1, 1, 0, 0, 4, 0, 0, 0]
        #expect(throws: ROOTIOError(.unknownCompression("QZ"), offset: 0)) {
            try BlockDecompressor.decompress(block, objectBytes: 4)
        }
    }
}
