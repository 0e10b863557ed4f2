internal import CCrypto

/// Incremental SHA-256 through OpenSSL's EVP interface: a content hash that is the
/// same on every machine and process (unlike Swift's seeded `Hasher`).
/// Not thread-safe: each instance is used from one thread at a time.
public final class SHA256Hasher {
    private let context: OpaquePointer

    public init() {
        // EVP_MD_CTX_new only fails when out of memory.
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed (out of memory)") }
        self.context = context
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    public func update(_ bytes: some Sequence<UInt8>) {
        let hashedInPlace: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if hashedInPlace == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }

    private func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    /// The 32-byte digest; the hasher is spent afterwards.
    public func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return Array(digest.prefix(Int(length)))
    }

    /// The digest as lowercase hex; the hasher is spent afterwards.
    public func finalizeHex() -> String { Digest.hex(finalize()) }
}
