public import Foundation

/// A response a handler returns. The server adds `Content-Length`, `Date` and `Connection`.
public struct Response: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func html(_ text: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(text.utf8))
    }

    public static func text(_ text: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// `json` must already be serialized JSON text.
    public static func json(_ json: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "application/json"], body: Array(json.utf8))
    }

    /// `value` encoded with `encoder` (sorted keys by default, so responses are stable).
    public static func json(encoding value: some Encodable, status: HTTPStatus = .ok,
                            encoder: JSONEncoder = Response.jsonEncoder) throws -> Response {
        Response(status: status, headers: ["Content-Type": "application/json"], body: Array(try encoder.encode(value)))
    }

    public static var jsonEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> Response {
        Response(status: status, headers: ["Location": location])
    }
}
