import Foundation
import SubsystemConfig
import Testing

/// Damaged config files give diagnostics, never a crash.
@Suite struct RobustnessTests {
    @Test func everyTruncationOfAConfigIsReportedNotFatal() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: ConfigPaths.shipped + "/L1T.json")))
        let end = try #require(bytes.lastIndex(of: UInt8(ascii: "}")))
        for length in 0...end {
            let check = ConfigLoader.check(files: [ConfigFile(name: "L1T.json", bytes: Array(bytes[..<length]))])
            #expect(check.configSet == nil && !check.errors.isEmpty, "truncated at \(length)")
        }
    }

    @Test func flippedBytesNeverCrash() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: ConfigPaths.shipped + "/EMTF.json")))
        for index in stride(from: 0, to: bytes.count, by: 3) {
            var damaged = bytes
            damaged[index] ^= UInt8(1 << (index % 8))
            let check = ConfigLoader.check(files: [ConfigFile(name: "EMTF.json", bytes: damaged)])
            #expect(check.configSet != nil || !check.errors.isEmpty)
        }
    }
}
