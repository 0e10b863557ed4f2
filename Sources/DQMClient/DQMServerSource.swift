public import Foundation

/// The DQM GUI file server: `<server>/data/browse/<root>/<path>`, listed as
/// HTML and downloaded with the user's certificate.
public struct DQMServerSource: RunSource {
    public static let defaultServer = "https://cmsweb.cern.ch/dqm/offline"

    /// The GUI's base URL, e.g. `https://cmsweb.cern.ch/dqm/offline`.
    public let server: String
    /// The file root the GUI offers: `ROOT` on offline and RelVal, `Original` online.
    public let root: String
    public let client: HTTPClient
    public let cache: ListingCache?

    public init(server: String = defaultServer, root: String = "ROOT", client: HTTPClient, cache: ListingCache? = nil) {
        self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
        self.root = root
        self.client = client
        self.cache = cache
    }

    public var identifier: String { server }

    public func url(_ path: String, directory: Bool) -> String {
        let tail = path.isEmpty ? "" : "/" + path
        return "\(server)/data/browse/\(root)\(tail)\(directory ? "/" : "")"
    }

    public func list(_ path: String) async throws -> [ListingEntry] {
        let url = url(path, directory: true)
        let cached = cache?.lookup(url)
        let response = try await client.get(url, ifModifiedSince: cached?.lastModified)
        if response.status == 304, let cached {
            return try DirectoryListingParser.parse(cached.body, url: url)
        }
        let body = String(decoding: response.body, as: UTF8.self)
        let entries = try DirectoryListingParser.parse(body, url: url)
        if let lastModified = response.lastModified { cache?.store(url, lastModified: lastModified, body: body) }
        return entries
    }

    public func download(
        _ path: String, expectedSize: Int64?, to destination: URL, progress: (@Sendable (Int64) -> Void)?
    ) async throws -> DownloadResult {
        try await client.download(url(path, directory: false), to: destination, expectedSize: expectedSize, progress: progress)
    }
}
