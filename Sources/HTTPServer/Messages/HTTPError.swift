/// An error a handler throws to answer with a given status; the error middleware renders it
/// as JSON or HTML according to the request's `Accept`.
public struct HTTPError: Error, Sendable, Equatable {
    public let status: HTTPStatus
    /// Text safe to show the client (it is escaped when rendered).
    public let message: String
    /// Extra headers for the error response, e.g. `Allow` for 405.
    public let headers: HTTPHeaders

    public init(status: HTTPStatus, message: String? = nil, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.message = message ?? status.reason
        self.headers = headers
    }
}

/// Failures of the server itself (not of one request).
public enum ServerError: Error, Equatable {
    case addressResolution(host: String, message: String)
}
