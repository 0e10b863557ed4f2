/// One key found while listing a file recursively.
public struct ListedKey: Sendable {
    /// Path from the top, "/"-joined; the key name (last part) may itself contain "/".
    public let path: String
    public let key: Key
    /// Nesting depth: 0 for keys of the top directory.
    public let depth: Int
}

extension ROOTFile {
    /// Deepest directory nesting accepted; deeper trees are treated as corrupt.
    static let maximumDepth = 64

    /// Every key of the file, depth-first in keys-list order (a directory's key comes just
    /// before its content), all cycles. Reads only directory records and keys lists.
    public func listAllKeys() throws(ROOTIOError) -> [ListedKey] {
        var listed: [ListedKey] = []
        var visited: Set<Int> = [top.seekKeys]
        try list(top, depth: 0, into: &listed, visited: &visited)
        return listed
    }

    private func list(
        _ directory: Directory, depth: Int, into listed: inout [ListedKey], visited: inout Set<Int>
    ) throws(ROOTIOError) {
        for key in directory.keys {
            let path = directory.childPath(key.name)
            listed.append(ListedKey(path: path, key: key, depth: depth))
            guard key.isDirectory else { continue }
            guard depth + 1 < Self.maximumDepth else { throw ROOTIOError(.tooDeep, file: self.path, keyPath: path) }
            let child = try subdirectory(key, of: directory)
            if child.seekKeys != 0 {
                guard visited.insert(child.seekKeys).inserted else {
                    throw ROOTIOError(.cyclicDirectory, file: self.path, keyPath: path, offset: child.seekKeys)
                }
            }
            try list(child, depth: depth + 1, into: &listed, visited: &visited)
        }
    }
}
