public import Foundation

/// Listings kept on disk with their `Last-Modified`, so a repeat listing is
/// an `If-Modified-Since` request answered by 304 with no body.
public final class ListingCache: Sendable {
    public let directory: URL

    struct Entry: Codable {
        let url: String
        let lastModified: Int64
        let body: String
    }

    public init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func lookup(_ url: String) -> Entry? {
        guard let data = try? Data(contentsOf: file(for: url)),
            let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.url == url
        else { return nil }
        return entry
    }

    func store(_ url: String, lastModified: Int64, body: String) {
        // A cache that cannot be written only costs a full listing next time.
        guard let data = try? JSONEncoder().encode(Entry(url: url, lastModified: lastModified, body: body)) else { return }
        try? data.write(to: file(for: url), options: .atomic)
    }

    /// FNV-1a of the URL names the file; the URL inside guards against collisions.
    private func file(for url: String) -> URL {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in url.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return directory.appendingPathComponent(String(hash, radix: 16) + ".json")
    }
}
