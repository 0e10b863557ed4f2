public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A local or mounted directory with the server's layout below it (for
/// example the EOS copy `/eos/cms/store/group/comm_dqm/DQMGUI_data`).
public struct LocalDirectorySource: RunSource {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public var identifier: String { root.absoluteString }

    public func list(_ path: String) async throws -> [ListingEntry] {
        let folder = path.isEmpty ? root : root.appendingPathComponent(path)
        let keys: [URLResourceKey] = [.isDirectoryKey, .isSymbolicLinkKey, .fileSizeKey, .contentModificationDateKey]
        let contents: [URL]
        do {
            contents = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: keys)
        } catch {
            throw DQMClientError.local(message: "cannot list directory", path: folder.path)
        }
        // Like the server: only allowed names, no symbolic links.
        return contents.compactMap { url -> ListingEntry? in
            let name = url.lastPathComponent
            guard ListingEntry.isAllowedName(name), let values = try? url.resourceValues(forKeys: Set(keys)),
                values.isSymbolicLink != true
            else { return nil }
            let isDirectory = values.isDirectory == true
            return ListingEntry(
                name: name, isDirectory: isDirectory, size: isDirectory ? nil : values.fileSize.map(Int64.init),
                modified: values.contentModificationDate)
        }
    }

    public func download(
        _ path: String, expectedSize: Int64?, to destination: URL, progress: (@Sendable (Int64) -> Void)?
    ) async throws -> DownloadResult {
        let source = root.appendingPathComponent(path)
        return try await onDispatchThread {
            let file = try PartialFile(url: destination, progress: progress)
            let input = open(source.path, O_RDONLY | O_CLOEXEC)
            guard input >= 0 else { throw DQMClientError.local(message: PartialFile.errnoText(), path: source.path) }
            defer { close(input) }
            if let expectedSize, file.size > expectedSize { try file.truncate() }
            if lseek(input, off_t(file.size), SEEK_SET) < 0 { try file.truncate() }
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if count < 0 { throw DQMClientError.local(message: PartialFile.errnoText(), path: source.path) }
                if count == 0 { break }
                let appended = buffer.withUnsafeBytes { file.append(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
                guard appended else { throw DQMClientError.local(message: PartialFile.errnoText(), path: destination.path) }
            }
            if let expectedSize, file.size != expectedSize {
                throw DQMClientError.sizeMismatch(expected: expectedSize, actual: file.size, url: source.path)
            }
            return DownloadResult(size: file.size, md5: try file.finish())
        }
    }
}
