import ROOTIO
import Testing

/// Files over 2 GB use 64-bit seeks in the header, the keys and the directory records.
/// ROOT reads small files written entirely in that form, so one is built here, byte by byte.
@Suite struct BigFileFormTests {
    /// Big-endian serialization of the few records a minimal file needs.
    struct Writer {
        var bytes: [UInt8] = []

        mutating func integer<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func string(_ text: String) {
            bytes.append(UInt8(text.utf8.count))
            bytes.append(contentsOf: text.utf8)
        }

        static func stringBytes(_ text: String) -> Int { 1 + text.utf8.count }

        /// A 64-bit-form key header (version 1004).
        mutating func key(objectBytes: Int, dataBytes: Int, seekKey: Int, seekParent: Int, className: String, name: String) {
            let keyLength = 34 + Self.stringBytes(className) + Self.stringBytes(name) + Self.stringBytes("")
            integer(Int32(keyLength + dataBytes))
            integer(Int16(1004))
            integer(Int32(objectBytes))
            integer(UInt32(1))  // fDatime
            integer(Int16(keyLength))
            integer(Int16(1))  // fCycle
            integer(Int64(seekKey))
            integer(Int64(seekParent))
            string(className)
            string(name)
            string("")
        }

        static func keyLength(className: String, name: String) -> Int {
            34 + stringBytes(className) + stringBytes(name) + stringBytes("")
        }
    }

    /// header | TFile record (name, title, directory record) | TObjString record | keys list.
    static func bigFormFile(text: String) -> [UInt8] {
        let fileName = "big.root"
        let fileKeyLength = Writer.keyLength(className: "TFile", name: fileName)
        let nbytesName = fileKeyLength + Writer.stringBytes(fileName) + Writer.stringBytes("")
        let directoryBytes = 60
        let objectAt = 100 + nbytesName + directoryBytes
        var object = Writer()
        object.integer(UInt32(0x4000_0000) | UInt32(2 + 10 + Writer.stringBytes(text)))
        object.integer(Int16(1))  // TObjString version
        object.integer(Int16(1))  // TObject version
        object.integer(UInt32(0))
        object.integer(UInt32(0))
        object.string(text)
        var objectKey = Writer()
        objectKey.key(objectBytes: object.bytes.count, dataBytes: object.bytes.count, seekKey: objectAt, seekParent: 100,
                      className: "TObjString", name: text)
        let keysAt = objectAt + objectKey.bytes.count + object.bytes.count
        var keysList = Writer()
        keysList.key(objectBytes: 4 + objectKey.bytes.count, dataBytes: 4 + objectKey.bytes.count, seekKey: keysAt,
                     seekParent: 100, className: "TFile", name: fileName)
        keysList.integer(Int32(1))
        keysList.bytes += objectKey.bytes
        let end = keysAt + keysList.bytes.count

        var file = Writer()
        file.bytes += Array("root".utf8)
        file.integer(Int32(1_064_000))
        file.integer(Int32(100))
        file.integer(Int64(end))
        file.integer(Int64(0))  // fSeekFree
        file.integer(Int32(0))
        file.integer(Int32(0))
        file.integer(Int32(nbytesName))
        file.bytes.append(8)  // fUnits
        file.integer(Int32(101))
        file.integer(Int64(0))  // fSeekInfo
        file.bytes += [UInt8](repeating: 0, count: 100 - file.bytes.count)
        file.key(objectBytes: nbytesName - fileKeyLength + directoryBytes, dataBytes: nbytesName - fileKeyLength + directoryBytes,
                 seekKey: 100, seekParent: 0, className: "TFile", name: fileName)
        file.string(fileName)
        file.string("")
        file.integer(Int16(1005))
        file.integer(UInt32(1))
        file.integer(UInt32(1))
        file.integer(Int32(keysList.bytes.count))
        file.integer(Int32(nbytesName))
        file.integer(Int64(100))  // fSeekDir
        file.integer(Int64(0))  // fSeekParent
        file.integer(Int64(keysAt))
        file.bytes += [UInt8](repeating: 0, count: objectAt - file.bytes.count)
        file.bytes += objectKey.bytes + object.bytes + keysList.bytes
        return file.bytes
    }

    @Test func bigFormHeaderKeysAndDirectoriesAreRead() throws {
        let text = "<iRun>i=315705</iRun>"
        let file = try ROOTFile(bytes: Self.bigFormFile(text: text), name: "big.root")
        #expect(file.header.isBigFile)
        #expect(file.header.rootVersion == 64000)
        #expect(file.keys.map(\.name) == [text])
        guard case let .string(value) = try file.object(of: file.keys[0], keyPath: text) else {
            Issue.record("not a string")
            return
        }
        #expect(value == text)
    }
}
