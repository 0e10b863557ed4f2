public import Logging
import Synchronization

/// Gives every request an id (the client's `X-Request-Id` if it is a short safe token, else a
/// new one) and echoes it in the response.
public struct RequestIDMiddleware: Middleware {
    private static let maxClientIDLength = 64
    private static let counter = Atomic<UInt64>(0)
    /// Distinguishes this process's ids from another run's.
    private let prefix = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    public init() {}

    public func respond(to request: Request, next: Handler) throws -> Response {
        var request = request
        if let given = request.headers["X-Request-Id"], given.utf8.count <= Self.maxClientIDLength, !given.isEmpty,
           given.utf8.allSatisfy({ CharacterClass.isTokenByte($0) }) {
            request.id = given
        } else {
            request.id = "\(prefix)-\(Self.counter.add(1, ordering: .relaxed).newValue)"
        }
        var response = try next(request)
        response.headers.set("X-Request-Id", request.id)
        return response
    }
}

/// One log line per request at `.info`: method, target, status, body size, duration, request id.
public struct AccessLogMiddleware: Middleware {
    private let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func respond(to request: Request, next: Handler) throws -> Response {
        guard logger.logLevel <= .info else { return try next(request) }
        let started = ContinuousClock.now
        do {
            let response = try next(request)
            log(request, status: response.status.code, bytes: response.body.count, since: started)
            return response
        } catch {
            log(request, status: (error as? HTTPError)?.status.code ?? 500, bytes: 0, since: started)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, bytes: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        logger.info("\(request.method) \(request.target) \(status)", metadata: [
            "request-id": "\(request.id)", "status": "\(status)", "bytes": "\(bytes)", "micros": "\(microseconds)",
        ])
    }
}

/// Turns thrown errors into responses: an `HTTPError` keeps its status and message, anything
/// else becomes a 500 whose detail is only logged. JSON or HTML, whichever `Accept` prefers.
public struct ErrorMiddleware: Middleware {
    private let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func respond(to request: Request, next: Handler) throws -> Response {
        do {
            return try next(request)
        } catch let error as HTTPError {
            return Self.render(error, for: request)
        } catch {
            logger.error("Handler failed", metadata: ["request-id": "\(request.id)", "error": "\(error)"])
            return Self.render(HTTPError(status: .internalServerError), for: request)
        }
    }

    public static func render(_ error: HTTPError, for request: Request) -> Response {
        let accept = request.headers["Accept"] ?? ""
        let wantsJSON = Negotiation.quality(of: "application/json", in: accept)
            > Negotiation.quality(of: "text/html", in: accept)
        var response: Response
        if wantsJSON {
            response = .json(#"{"error":{"status":\#(error.status.code),"message":\#(JSONText.quoted(error.message))},"#
                + #""requestId":\#(JSONText.quoted(request.id))}"#, status: error.status)
        } else {
            let title = HTMLText.escape(error.status.description)
            response = .html("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>\(title)</title></head>"
                + "<body><h1>\(title)</h1><p>\(HTMLText.escape(error.message))</p>"
                + "<p><small>Request \(HTMLText.escape(request.id))</small></p></body></html>\n", status: error.status)
        }
        for field in error.headers { response.headers.add(field.name, field.value) }
        return response
    }
}
