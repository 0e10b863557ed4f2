import Foundation
import HTTPServer
import Logging

/// The whole route table, one file per area, wrapped in the middleware.
enum Routes {
    static func handler(for context: ServiceContext) throws -> Handler {
        var router = Router()
        APIRoutes.register(on: &router, context)
        AdminRoutes.register(on: &router, context)
        PageRoutes.register(on: &router, context)
        try StaticRoutes.register(on: &router, context)
        try RelMonRoutes.register(on: &router, context, folder: context.relmonDirectory)
        return chain([
            RequestIDMiddleware(), AccessLogMiddleware(logger: context.logger), MetricsMiddleware(metrics: context.metrics),
            JSONErrorsForAPI(), ErrorMiddleware(logger: context.logger),
        ], router.handler)
    }
}

/// API errors are JSON whatever the client's `Accept` says.
struct JSONErrorsForAPI: Middleware {
    func respond(to request: Request, next: Handler) throws -> Response {
        guard request.path.hasPrefix("/api/") else { return try next(request) }
        var request = request
        request.headers.set("Accept", "application/json")
        return try next(request)
    }
}

extension Response {
    /// An `Encodable` value as a JSON response.
    static func json<T: Encodable>(encoding value: T, status: HTTPStatus = .ok) throws -> Response {
        .json(try JSONCoding.string(value), status: status)
    }
}

extension Request {
    /// A required query parameter, or 400 naming it.
    func required(_ name: String) throws(HTTPError) -> String {
        guard let value = query(name), !value.isEmpty else {
            throw HTTPError(status: .badRequest, message: "missing query parameter '\(name)'")
        }
        return value
    }
}
