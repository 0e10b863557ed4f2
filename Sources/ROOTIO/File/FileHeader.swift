/// The header at the start of every ROOT file, in its small (32-bit seeks) or
/// big (64-bit seeks, files over 2 GB) form.
public struct FileHeader: Sendable, Equatable {
    /// ROOT version that wrote the file, e.g. 64000 for 6.40/00.
    public let rootVersion: Int
    public let isBigFile: Bool
    public let begin: Int
    public let end: Int
    public let seekFree: Int
    public let nbytesName: Int
    /// `100 * algorithm + level`; informative only, every block names its own codec.
    public let compression: Int
    public let seekInfo: Int

    /// Bytes to read for the header and, usually, the TFile record with the root directory.
    static let readSize = 512

    init(_ bytes: [UInt8], fileSize: Int) throws(ROOTIOError) {
        var reader = ByteReader(bytes)
        guard bytes.count >= 4, bytes[0..<4].elementsEqual("root".utf8) else { throw reader.error(.notROOT) }
        try reader.skip(4)
        let version = Int(try reader.i32())
        isBigFile = version >= 1_000_000
        rootVersion = isBigFile ? version - 1_000_000 : version
        begin = Int(try reader.i32())
        end = try reader.seekPointer(big: isBigFile)
        seekFree = try reader.seekPointer(big: isBigFile)
        _ = try reader.i32()  // fNbytesFree
        _ = try reader.i32()  // nfree
        nbytesName = Int(try reader.i32())
        _ = try reader.u8()  // fUnits
        compression = Int(try reader.i32())
        seekInfo = try reader.seekPointer(big: isBigFile)
        guard begin >= 64, begin <= end else { throw reader.error(.invalid("header: fBEGIN \(begin), fEND \(end)")) }
        guard end <= fileSize else {
            throw ROOTIOError(.truncated(needed: end, available: fileSize), offset: 12)
        }
        guard (10...10_000).contains(nbytesName) else { throw reader.error(.invalid("header: fNbytesName \(nbytesName)")) }
    }
}
