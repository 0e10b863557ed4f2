/// A response body kept in memory with its validators and, when worthwhile, its gzip form:
/// static files, rendered plots and cached pages. `response(to:)` does conditional GET
/// (If-None-Match, then If-Modified-Since → 304) and picks gzip when the client accepts it.
public struct CachedEntity: Sendable {
    public let contentType: String
    public let body: [UInt8]
    /// Nil when gzip would not make the body smaller (or the type is already compressed).
    public let gzipped: [UInt8]?
    /// A strong validator; the gzip form gets its own (`-gz` suffix), as RFC 9110 §8.8.3 requires.
    public let etag: String
    /// Seconds since the epoch, if known.
    public let lastModified: Int?
    public let cacheControl: String?
    /// Headers built once, so serving from the cache allocates next to nothing.
    private let plainVariant: Variant
    private let gzipVariant: Variant

    private struct Variant: Sendable {
        let etag: String
        let headers: HTTPHeaders
        let notModifiedHeaders: HTTPHeaders
    }

    /// Bodies smaller than this are sent as they are: the gzip header would eat the gain.
    public static let minimumGzipBytes = 256

    public init(body: [UInt8], contentType: String, etag: String? = nil, lastModified: Int? = nil,
                cacheControl: String? = nil) {
        self.body = body
        self.contentType = contentType
        self.etag = etag ?? "\"\(String(FNV1a.hash(body), radix: 16))-\(String(body.count, radix: 16))\""
        self.lastModified = lastModified
        self.cacheControl = cacheControl
        if body.count >= Self.minimumGzipBytes, Self.isCompressible(contentType),
           let compressed = try? Gzip.compress(body), compressed.count < body.count {
            gzipped = compressed
        } else {
            gzipped = nil
        }
        plainVariant = Self.variant(etag: self.etag, encoding: nil, contentType: contentType, lastModified: lastModified,
                                    cacheControl: cacheControl, varies: gzipped != nil)
        gzipVariant = Self.variant(etag: String(self.etag.dropLast()) + "-gz\"", encoding: "gzip", contentType: contentType,
                                   lastModified: lastModified, cacheControl: cacheControl, varies: true)
    }

    private static func variant(etag: String, encoding: String?, contentType: String, lastModified: Int?,
                                cacheControl: String?, varies: Bool) -> Variant {
        var validators = HTTPHeaders()
        validators.add("ETag", etag)
        if let lastModified { validators.add("Last-Modified", HTTPDate.format(lastModified)) }
        if let cacheControl { validators.add("Cache-Control", cacheControl) }
        if varies { validators.add("Vary", "Accept-Encoding") }
        var headers = validators
        headers.add("Content-Type", contentType)
        if let encoding { headers.add("Content-Encoding", encoding) }
        return Variant(etag: etag, headers: headers, notModifiedHeaders: validators)
    }

    public func response(to request: Request) -> Response {
        let useGzip = gzipped != nil && Negotiation.acceptsGzip(request)
        let variant = useGzip ? gzipVariant : plainVariant
        if isNotModified(request, tag: variant.etag) {
            return Response(status: .notModified, headers: variant.notModifiedHeaders)
        }
        return Response(status: .ok, headers: variant.headers, body: useGzip ? gzipped ?? body : body)
    }

    /// RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only otherwise.
    private func isNotModified(_ request: Request, tag: String) -> Bool {
        guard request.method == "GET" || request.method == "HEAD" else { return false }
        if let match = request.headers["If-None-Match"] {
            let weakTag = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
            return match.split(separator: ",").contains { candidate in
                let trimmed = candidate.trimmingOWS()
                let opaque = trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
                return trimmed == "*" || opaque == weakTag
            }
        }
        if let since = request.headers["If-Modified-Since"], let lastModified, let date = HTTPDate.parse(since) {
            return lastModified <= date
        }
        return false
    }

    private static func isCompressible(_ type: String) -> Bool {
        type.hasPrefix("text/") || type.hasPrefix("application/json") || type.hasPrefix("application/javascript")
            || type.hasPrefix("image/svg+xml") || type.hasPrefix("application/xml")
    }
}

/// 64-bit FNV-1a: a fast content hash for entity tags (not for security).
enum FNV1a {
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
