import Foundation
import ROOTIO
import Testing
import TestSupport

/// Opening and listing a file reads only headers and keys lists.
@Suite struct KeyListingTests {
    let file: ROOTFile

    init() throws { file = try ROOTFile(path: Fixtures.dqmRun(315_705).path) }

    @Test func headerIsROOT640WithZlib() {
        #expect(file.header.rootVersion == 64000)
        #expect(file.header.isBigFile == false)
        #expect(file.header.compression == 101)
        #expect(file.keys.map(\.name) == ["DQMData"])
        #expect(file.keys.first?.isDirectory == true)
    }

    @Test func listingFindsEveryDirectoryAndScalar() throws {
        let listed = try file.listAllKeys()
        let paths = Set(listed.map(\.path))
        #expect(paths.contains("DQMData/Run 315705"))
        #expect(paths.contains("DQMData/Run 315705/CSC/Run summary/EventInfo/<iRun>i=315705</iRun>"))
        #expect(listed.filter { ROOTClass(className: $0.key.className).isHistogram }.count > 250)
    }

    @Test func keyNamesMayContainSlashes() throws {
        let scalar = try #require(try file.listAllKeys().first { $0.key.name.hasPrefix("<iRun>") })
        let (key, _) = try file.key(at: scalar.path)
        #expect(key == scalar.key)
        guard case let .string(text) = try file.object(of: key, keyPath: scalar.path) else {
            Issue.record("not a string")
            return
        }
        #expect(text == "<iRun>i=315705</iRun>")
    }

    @Test func missingKeysAreTypedErrors() {
        #expect(throws: ROOTIOError.self) { try file.key(at: "DQMData/no such thing") }
        #expect(throws: ROOTIOError.self) { try file.directory(at: "DQMData/nowhere") }
    }
}
