/// A step around the handler: it may change the request, the response, or answer itself.
public protocol Middleware: Sendable {
    func respond(to request: Request, next: Handler) throws -> Response
}

/// Wraps `handler` in `middlewares`, the first one outermost.
public func chain(_ middlewares: [any Middleware], _ handler: @escaping Handler) -> Handler {
    middlewares.reversed().reduce(handler) { next, middleware in
        { request in try middleware.respond(to: request, next: next) }
    }
}
