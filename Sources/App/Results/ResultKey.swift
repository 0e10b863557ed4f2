import CCrypto
import Foundation

/// Names a result: the query, the configuration version it ran with and the
/// tool version, hashed. A changed configuration or tool gives a new key, so
/// a new result, while results of older versions stay where they are.
enum ResultKey {
    /// Bump when a change to the engine or its output changes results.
    static let toolVersion = "autodqm-swift/1"

    static func make(queryPath: String, configVersion: String, toolVersion: String = toolVersion) -> String {
        sha256Hex(Array("\(queryPath)\n\(configVersion)\n\(toolVersion)".utf8)).prefix(24).description
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &digest, &length, EVP_sha256(), nil)
        }
        precondition(ok == 1, "EVP_Digest(SHA-256) failed")
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(Int(length) * 2)
        for byte in digest.prefix(Int(length)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
