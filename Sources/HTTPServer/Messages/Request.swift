/// One parsed HTTP request. The path is percent-decoded; the raw target is kept for logging.
public struct Request: Sendable {
    public var method: String
    /// The request target exactly as sent (origin-form `/path?query`, or `*`).
    public var target: String
    /// The percent-decoded path, without the query.
    public var path: String
    /// Query parameters in order, percent-decoded with `+` as space.
    public var query: [(name: String, value: String)]
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Values captured by the router's `{name}` path segments.
    public var parameters: [String: String] = [:]
    /// Set by `RequestIDMiddleware`; echoed as `X-Request-Id`.
    public var id: String = ""
    /// The client's numeric IP address, set by the server for requests read from a socket.
    public var peerAddress: String?

    public init(method: String, target: String, version: HTTPVersion = .http11,
                headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) throws(HTTPError) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        let (rawPath, rawQuery) = Self.split(target: target)
        guard let path = URLEncoding.decode(rawPath, plusAsSpace: false), !path.utf8.contains(0) else {
            throw HTTPError(status: .badRequest, message: "Malformed percent-encoding in the request path")
        }
        guard let query = URLEncoding.parseForm(rawQuery) else {
            throw HTTPError(status: .badRequest, message: "Malformed percent-encoding in the query string")
        }
        self.path = path
        self.query = query
    }

    /// The first value of query parameter `name`.
    public func query(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Whether the connection stays open after this request (RFC 9112 §9.3).
    public var keepAlive: Bool {
        guard headers.contains("Connection") else { return version == .http11 }
        let connection = headers.tokens("Connection")
        if connection.contains("close") { return false }
        return version == .http11 || connection.contains("keep-alive")
    }

    /// The body as `application/x-www-form-urlencoded` fields; 415 for another content type,
    /// 400 for malformed encoding.
    public func form() throws(HTTPError) -> [(name: String, value: String)] {
        let type = headers["Content-Type"]?.split(separator: ";").first?.trimmingOWS().lowercased()
        guard type == "application/x-www-form-urlencoded" else {
            throw HTTPError(status: .unsupportedMediaType, message: "Expected an application/x-www-form-urlencoded body")
        }
        guard let fields = URLEncoding.parseForm(Substring(decoding: body, as: UTF8.self)) else {
            throw HTTPError(status: .badRequest, message: "Malformed form encoding")
        }
        return fields
    }

    private static func split(target: String) -> (path: Substring, query: Substring) {
        guard let mark = target.firstIndex(of: "?") else { return (target[...], "") }
        return (target[..<mark], target[target.index(after: mark)...])
    }
}

public struct HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    public let major: Int
    public let minor: Int
    public static let http10 = HTTPVersion(major: 1, minor: 0)
    public static let http11 = HTTPVersion(major: 1, minor: 1)
    public var description: String { "HTTP/\(major).\(minor)" }
}
