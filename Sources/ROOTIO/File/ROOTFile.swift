import Synchronization

/// A ROOT file opened for reading. Opening reads the header and the top keys list;
/// subdirectories are listed and objects decompressed only when asked for.
///
/// Reads go through a read-only memory mapping, so one `ROOTFile` can serve many threads at once.
public final class ROOTFile: Sendable {
    public let path: String
    public let header: FileHeader
    /// The top directory (the file itself).
    public let top: Directory
    let source: FileSource

    public convenience init(path: String) throws(ROOTIOError) {
        try self.init(source: try FileSource(path: path))
    }

    /// Reads a ROOT file already in memory; `name` stands for the file in errors.
    public convenience init(bytes: [UInt8], name: String = "<memory>") throws(ROOTIOError) {
        try self.init(source: FileSource(bytes: bytes, name: name))
    }

    private init(source: FileSource) throws(ROOTIOError) {
        self.source = source
        path = source.path
        do {
            let header = try FileHeader(
                try source.read(at: 0, count: min(FileHeader.readSize, source.size)), fileSize: source.size)
            self.header = header
            top = try Self.readDirectory(source, recordAt: header.begin + header.nbytesName, path: "")
        } catch {
            throw error.located(file: source.path, keyPath: "")
        }
    }

    public var fileSize: Int { source.size }

    /// Bytes read from the file so far: opening and listing read headers and keys lists
    /// only, and reading an object reads only its record.
    public var bytesRead: Int { source.bytesRead.load(ordering: .relaxed) }

    /// Every key of the top directory.
    public var keys: [Key] { top.keys }

    /// The subdirectory that `key` (a key of `parent`) describes.
    public func subdirectory(_ key: Key, of parent: Directory) throws(ROOTIOError) -> Directory {
        let path = parent.childPath(key.name)
        guard key.isDirectory else { throw ROOTIOError(.invalid("\(key.className) is not a directory"), file: self.path, keyPath: path) }
        return try locating(file: self.path, keyPath: path) {
            try Self.readDirectory(source, recordAt: key.dataOffset, path: path)
        }
    }

    /// The directory at a "/"-separated path ("" is the top).
    public func directory(at path: String) throws(ROOTIOError) -> Directory {
        var directory = top
        for component in path.split(separator: "/") {
            guard let key = directory.key(named: String(component)), key.isDirectory else {
                throw ROOTIOError(.notFound(directory.childPath(String(component))), file: self.path)
            }
            directory = try subdirectory(key, of: directory)
        }
        return directory
    }

    /// The key at `path`. The last part may itself contain "/" (DQM scalars) and may end
    /// in ";N" to choose a cycle; without it the highest cycle is the current object.
    public func key(at path: String) throws(ROOTIOError) -> (key: Key, directory: Directory) {
        var directory = top
        var rest = Substring(path)
        while true {
            if let key = Self.exactKey(String(rest), in: directory) { return (key, directory) }
            guard let slash = rest.firstIndex(of: "/"),
                  let key = directory.key(named: String(rest[..<slash])), key.isDirectory
            else { throw ROOTIOError(.notFound(path), file: self.path) }
            directory = try subdirectory(key, of: directory)
            rest = rest[rest.index(after: slash)...]
        }
    }

    /// The object bytes of `key`, decompressed; touches only that record's bytes.
    public func objectBytes(of key: Key, keyPath: String) throws(ROOTIOError) -> [UInt8] {
        try locating(file: path, keyPath: keyPath) {
            try source.withBytes(at: key.dataOffset, count: key.storedBytes) { stored throws(ROOTIOError) in
                key.isCompressed ? try BlockDecompressor.decompress(stored, objectBytes: key.objectBytes) : Array(stored)
            }
        }
    }

    /// The object bytes of `key` as they are on disk (compressed blocks or raw).
    public func storedBytes(of key: Key) throws(ROOTIOError) -> [UInt8] {
        try source.read(at: key.dataOffset, count: key.storedBytes)
    }

    private static func exactKey(_ name: String, in directory: Directory) -> Key? {
        if let key = directory.key(named: name) { return key }
        guard let semicolon = name.lastIndex(of: ";"), let cycle = Int(name[name.index(after: semicolon)...]) else { return nil }
        return directory.key(named: String(name[..<semicolon]), cycle: cycle)
    }

    private static func readDirectory(_ source: FileSource, recordAt offset: Int, path: String) throws(ROOTIOError) -> Directory {
        var reader = ByteReader(try source.read(at: offset, count: min(60, max(0, source.size - offset))))
        let record = try Directory.Record(from: &reader)
        guard record.seekKeys != 0 else { return Directory(path: path, keys: [], seekKeys: 0) }
        let list = try source.read(at: record.seekKeys, count: record.nbytesKeys)
        return Directory(path: path, keys: try record.keys(from: list, fileSize: source.size), seekKeys: record.seekKeys)
    }
}
