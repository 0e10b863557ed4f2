public import Foundation

/// How a command picks its run source: a local directory (`--local`), else
/// the server from `--server`, `ADQM_DQM_URL` or the DQM Offline default.
public struct SourceConfiguration: Sendable {
    public var server: String?
    public var localDirectory: String?
    public var credentials: TLSCredentials
    public var options: HTTPClientOptions
    /// Where listings are cached for `If-Modified-Since`; nil for no cache.
    public var listingCache: URL?

    public init(
        server: String? = nil, localDirectory: String? = nil, credentials: TLSCredentials = TLSCredentials(),
        options: HTTPClientOptions = HTTPClientOptions(), listingCache: URL? = nil
    ) {
        self.server = server
        self.localDirectory = localDirectory
        self.credentials = credentials
        self.options = options
        self.listingCache = listingCache
    }

    /// The server URL in effect.
    public func serverURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        server ?? environment["ADQM_DQM_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? DQMServerSource.defaultServer
    }

    public func makeSource(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any RunSource {
        if let localDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: localDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw DQMClientError.local(message: "not a directory", path: localDirectory)
            }
            return LocalDirectorySource(root: URL(fileURLWithPath: localDirectory))
        }
        var options = options
        options.credentials = credentials
        let cache = try listingCache.map(ListingCache.init(directory:))
        return DQMServerSource(server: serverURL(environment: environment), client: try HTTPClient(options: options), cache: cache)
    }
}
