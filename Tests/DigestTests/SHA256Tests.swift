import Digest
import Testing

@Suite struct SHA256Tests {
    /// FIPS 180-4 example vectors (also `python3 -c "import hashlib; ..."`).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func matchesTheStandardVectors(input: String, digest: String) {
        #expect(Digest.hex(Digest.sha256(input.utf8)) == digest)
    }

    /// `hashlib.sha256(b"a" * 1000)`: many blocks, fed in uneven pieces.
    @Test func piecewiseUpdatesCrossBlocks() {
        let hash = SHA256Hasher()
        for piece in [1, 63, 64, 100, 772] { hash.update(repeatElement(UInt8(ascii: "a"), count: piece)) }
        #expect(hash.finalizeHex() == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
