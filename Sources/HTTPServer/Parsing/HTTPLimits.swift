/// Every size limit the request parser enforces. The defaults are the named constants below;
/// tests and servers may lower them.
public struct HTTPLimits: Sendable {
    /// Longest request line (method, target, version); longer → 414.
    public static let defaultMaxRequestLineBytes = 8 * 1024
    /// Largest header section including the request line; larger → 431.
    public static let defaultMaxHeaderSectionBytes = 32 * 1024
    /// Most header fields in one request; more → 431.
    public static let defaultMaxHeaderCount = 100
    /// Largest request body (after chunked decoding); larger → 413.
    public static let defaultMaxBodyBytes = 8 * 1024 * 1024
    /// Longest chunk-size line including extensions; longer → 400.
    public static let maxChunkSizeLineBytes = 1024
    /// Most hex digits in a chunk size (16 would already overflow a signed 64-bit count).
    public static let maxChunkSizeDigits = 15

    public var maxRequestLineBytes = defaultMaxRequestLineBytes
    public var maxHeaderSectionBytes = defaultMaxHeaderSectionBytes
    public var maxHeaderCount = defaultMaxHeaderCount
    public var maxBodyBytes = defaultMaxBodyBytes

    public init() {}
}
