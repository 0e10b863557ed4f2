internal import CCrypto
import Foundation

/// Incremental MD5 through OpenSSL, used to record each stored file's
/// checksum while it streams (as the DQM GUI records `md5:<hex>`).
/// Not thread-safe: each instance is used from one thread at a time.
final class MD5: @unchecked Sendable {
    private let context: OpaquePointer

    init() {
        // EVP_MD_CTX_new only fails when out of memory.
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed (out of memory)") }
        self.context = context
        reset()
    }

    deinit { EVP_MD_CTX_free(context) }

    func reset() { EVP_DigestInit_ex(context, EVP_md5(), nil) }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    /// The digest as lowercase hex; the hasher must be reset before reuse.
    func finalize() -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }
}
