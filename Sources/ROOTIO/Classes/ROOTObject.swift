/// An object read from a key, by what the reader models.
public enum ROOTObject: Sendable {
    case histogram(HistogramRecord)
    case string(String)
    /// A class this reader does not model (TTree, TGraph, …): listed, not read.
    case other(className: String)
}

extension ROOTFile {
    /// Reads and decodes the object of `key`; `keyPath` names it in errors.
    public func object(of key: Key, keyPath: String) throws(ROOTIOError) -> ROOTObject {
        let kind = ROOTClass(className: key.className)
        switch kind {
        case .directory, .other: return .other(className: key.className)
        default: break
        }
        let buffer = try objectBytes(of: key, keyPath: keyPath)
        return try locating(file: path, keyPath: keyPath) {
            var reader = ObjectReader(buffer, keyLength: key.headerBytes)
            let object: ROOTObject
            switch kind {
            case let .histogram(dimension, element):
                object = .histogram(try reader.concreteHistogram(key.className, dimension: dimension, element: element))
            case let .profile(dimension):
                object = .histogram(try reader.profile(key.className, dimension: dimension))
            case .objectString:
                object = .string(try reader.tObjString().text)
            case .directory, .other:
                object = .other(className: key.className)
            }
            guard reader.bytes.isAtEnd else {
                throw reader.bytes.error(.invalid("\(reader.bytes.remaining) bytes left after the \(key.className)"))
            }
            return object
        }
    }

    /// The histogram or profile stored at `path` (see `key(at:)` for the path rules).
    public func histogramRecord(at path: String) throws(ROOTIOError) -> HistogramRecord {
        let (key, directory) = try key(at: path)
        let keyPath = directory.childPath(key.name)
        guard case let .histogram(record) = try object(of: key, keyPath: keyPath) else {
            throw ROOTIOError(.notAHistogram(className: key.className), file: self.path, keyPath: keyPath)
        }
        return record
    }
}
