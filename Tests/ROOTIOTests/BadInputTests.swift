import Foundation
import ROOTIO
import Testing
import TestSupport

/// Corrupt, truncated and hostile files give typed errors naming what was wrong.
@Suite struct BadInputTests {
    static let classes = Fixtures.directory.appendingPathComponent("classes/classes.root")

    static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    /// Opens, lists and reads every object, as a user of the reader would.
    static func readEverything(_ bytes: [UInt8]) throws(ROOTIOError) {
        let file = try ROOTFile(bytes: bytes, name: "mutant.root")
        for listed in try file.listAllKeys() { _ = try file.object(of: listed.key, keyPath: listed.path) }
    }

    static func error(_ bytes: [UInt8]) -> ROOTIOError? {
        do {
            try readEverything(bytes)
            return nil
        } catch {
            return error
        }
    }

    static func patch(_ bytes: inout [UInt8], at offset: Int, bigEndian value: UInt32) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * index)) }
    }

    static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> Int {
        (0..<4).reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
    }

    @Test func nonROOTFileIsRejected() {
        #expect(Self.error(Array("not a root file at all, just some text".utf8))?.reason == .notROOT)
        #expect(Self.error([])?.reason == .notROOT)
    }

    @Test func missingFileNamesThePath() {
        #expect(throws: ROOTIOError.self) { try ROOTFile(path: "/nonexistent/run.root") }
        do {
            _ = try ROOTFile(path: "/nonexistent/run.root")
        } catch {
            #expect(error.file == "/nonexistent/run.root")
        }
    }

    @Test func everyTruncationThrows() throws {
        let whole = try Self.bytes(Self.classes)
        for length in stride(from: 0, to: whole.count, by: 97) {
            #expect(Self.error(Array(whole.prefix(length))) != nil, "truncated at \(length)")
        }
    }

    /// Files on disk are memory-mapped: a truncated one must throw before touching bytes
    /// past its end (which would fault), wherever the cut falls.
    @Test func truncatedFilesOnDiskThrow() throws {
        let whole = try Self.bytes(Self.classes)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("truncated-\(UUID().uuidString).root")
        defer { try? FileManager.default.removeItem(at: url) }
        for length in [0, 3, 100, whole.count / 3, whole.count / 2, whole.count - 1] {
            try Data(whole.prefix(length)).write(to: url)
            #expect(throws: ROOTIOError.self, "truncated at \(length)") {
                let file = try ROOTFile(path: url.path)
                for listed in try file.listAllKeys() { _ = try file.object(of: listed.key, keyPath: listed.path) }
            }
        }
    }

    /// Truncation hidden by a header that agrees with it: keys then point past the end.
    @Test func truncationBehindAConsistentHeaderThrows() throws {
        var whole = try Self.bytes(Self.classes)
        let length = whole.count / 2
        Self.patch(&whole, at: 12, bigEndian: UInt32(length))
        #expect(Self.error(Array(whole.prefix(length))) != nil)
    }

    @Test func unknownCompressionIsNamed() throws {
        var whole = try Self.bytes(Self.classes)
        let file = try ROOTFile(bytes: whole)
        let key = try #require(file.keys.first { $0.name == "h2D" })
        let data = key.seekKey + key.headerBytes
        whole[data] = UInt8(ascii: "Q")
        whole[data + 1] = UInt8(ascii: "Q")
        let error = try #require(Self.error(whole))
        #expect(error.reason == .unknownCompression("QQ"))
        #expect(error.keyPath == "h2D")
        #expect(error.file == "mutant.root")
    }

    @Test func lyingBlockSizesAreCaughtBeforeAllocating() throws {
        let original = try Self.bytes(Self.classes)
        let file = try ROOTFile(bytes: original)
        let key = try #require(file.keys.first { $0.name == "h2D" })
        let block = key.seekKey + key.headerBytes
        for field in [3, 6] {
            var whole = original
            whole[block + field] = 0xFF
            whole[block + field + 1] = 0xFF
            whole[block + field + 2] = 0xFF
            let error = try #require(Self.error(whole), "size field at \(field)")
            #expect(error.keyPath == "h2D")
        }
    }

    @Test func cyclicDirectoryIsDetected() throws {
        var whole = try Self.bytes(Self.classes)
        let file = try ROOTFile(bytes: whole)
        let outer = try #require(file.keys.first { $0.name == "outer" })
        let outerDirectory = try file.directory(at: "outer")
        let inner = try #require(outerDirectory.key(named: "inner"))
        // Make "inner" list the keys of "outer", which contain "inner" again.
        let outerRecord = outer.seekKey + outer.headerBytes, innerRecord = inner.seekKey + inner.headerBytes
        Self.patch(&whole, at: innerRecord + 10, bigEndian: UInt32(Self.bigEndian32(whole, at: outerRecord + 10)))
        Self.patch(&whole, at: innerRecord + 26, bigEndian: UInt32(outerDirectory.seekKeys))
        let error = try #require(Self.error(whole))
        #expect(error.reason == .cyclicDirectory)
        #expect(error.keyPath.hasPrefix("outer/inner"))
    }

    @Test func flippedBytesNeverCrash() throws {
        for url in [Self.classes] + [0, 207, 404, 505].map({ Fixtures.directory.appendingPathComponent("compression/run315000-compress\($0).root") }) {
            let original = try Self.bytes(url)
            for offset in stride(from: 0, to: original.count, by: original.count / 60 + 1) {
                for flip: UInt8 in [0xFF, 0x01] {
                    var mutant = original
                    mutant[offset] ^= flip
                    // Reading may succeed (a flip in a date or UUID) but must never crash,
                    // and a failure must name the file it happened in.
                    if let error = Self.error(mutant) { #expect(error.file == "mutant.root", "\(error)") }
                }
            }
        }
    }
}
