@testable import ROOTIO
import Testing

/// The LZ4 block checksum, against xxHash's reference values (python-xxhash).
@Suite struct XXH64Tests {
    static let cases: [(input: [UInt8], hash: UInt64)] = [
        ([], 0xEF46_DB37_51D8_E999),
        (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B),
        (Array("abc".utf8), 0x44BC_2CF5_AD77_0999),
        (Array("0123456789abcdef0123456789abcdef0123".utf8), 0xC425_5BA3_D1AF_5461),
        ((0..<768).map { UInt8($0 % 256) }, 0x8E03_C838_C596_036F),
    ]

    @Test func referenceValues() {
        for (input, hash) in Self.cases {
            #expect(input.withUnsafeBytes { XXH64.hash($0) } == hash, "\(input.count) bytes")
        }
    }
}
