@testable import DQMClient
import Foundation
import Testing

/// The MD5 a partial file records, hashed on its own thread behind the writer,
/// against `md5sum` of the same bytes: odd append sizes, a resumed prefix, a
/// restart after truncation.
@Suite struct TrailingHasherTests {
    /// Sizes that straddle the hasher's 256 KiB reads and 1 MiB publish steps.
    static let appendSizes = [1, 7, 16_384, 16_385, 300_001, 1 << 20, (1 << 20) + 3, 63, 2_000_000]

    private func randomBytes(_ count: Int) throws -> Data {
        let random = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/urandom"))
        defer { try? random.close() }
        return try random.read(upToCount: count) ?? Data()
    }

    private func md5sum(_ bytes: Data) throws -> String {
        let folder = try temporaryDirectory("md5")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bytes")
        try bytes.write(to: file)
        let output = try DQMTestServer.run("/usr/bin/env", ["md5sum", file.path]).output
        return String(output.prefix(32))
    }

    private func append(_ bytes: Data, to file: PartialFile) {
        let bytes = Data(bytes)  // indices from zero, also for a slice
        var offset = 0
        var index = 0
        while offset < bytes.count {
            let count = min(Self.appendSizes[index % Self.appendSizes.count], bytes.count - offset)
            let accepted = bytes[offset..<offset + count].withUnsafeBytes { file.append($0) }
            #expect(accepted)
            offset += count
            index += 1
        }
    }

    @Test func oddAppendSizesGiveTheOneShotDigest() throws {
        let folder = try temporaryDirectory("hasher")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = try randomBytes(7_654_321)
        let file = try PartialFile(url: folder.appendingPathComponent("f.part"), progress: nil)
        append(bytes, to: file)
        #expect(file.size == Int64(bytes.count))
        #expect(try file.finish() == md5sum(bytes))
    }

    @Test func resumedFileHashesTheEarlierPrefix() throws {
        let folder = try temporaryDirectory("hasher")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = try randomBytes(5_000_003)
        let target = folder.appendingPathComponent("f.part")
        let prefix = 3_145_733
        try bytes.prefix(prefix).write(to: target)
        let file = try PartialFile(url: target, progress: nil)
        #expect(file.size == Int64(prefix))
        append(bytes.suffix(from: prefix), to: file)
        #expect(try file.finish() == md5sum(bytes))
        #expect(try Data(contentsOf: target) == bytes)
    }

    @Test func truncatedFileIsHashedFromTheStart() throws {
        let folder = try temporaryDirectory("hasher")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("f.part")
        try randomBytes(1_500_000).write(to: target)
        let file = try PartialFile(url: target, progress: nil)
        append(try randomBytes(2_500_000), to: file)
        try file.truncate()
        let bytes = try randomBytes(3_000_017)
        append(bytes, to: file)
        #expect(try file.finish() == md5sum(bytes))
    }

    @Test func emptyFileHasTheEmptyDigest() throws {
        let folder = try temporaryDirectory("hasher")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try PartialFile(url: folder.appendingPathComponent("f.part"), progress: nil)
        #expect(try file.finish() == "d41d8cd98f00b204e9800998ecf8427e")
    }
}
