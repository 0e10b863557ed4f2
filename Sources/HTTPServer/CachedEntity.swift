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
    }

    public func response(to request: Request) -> Response {
        let useGzip = gzipped != nil && Negotiation.acceptsGzip(request)
        let tag = useGzip ? String(etag.dropLast()) + "-gz\"" : etag
        var headers = HTTPHeaders()
        headers.add("ETag", tag)
        if let lastModified { headers.add("Last-Modified", HTTPDate.format(lastModified)) }
        if let cacheControl { headers.add("Cache-Control", cacheControl) }
        if gzipped != nil { headers.add("Vary", "Accept-Encoding") }
        if isNotModified(request, tag: tag) {
            return Response(status: .notModified, headers: headers)
        }
        headers.add("Content-Type", contentType)
        if useGzip, let gzipped {
            headers.add("Content-Encoding", "gzip")
            return Response(status: .ok, headers: headers, body: gzipped)
        }
        return Response(status: .ok, headers: headers, body: body)
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
