/// Maps method + path pattern to a handler. Patterns are `/`-separated literals, `{name}`
/// captures one segment, and a final `{name...}` captures the rest of the path. Unknown paths
/// throw 404; known paths with another method throw 405 with `Allow`. HEAD is served by GET routes.
public struct Router: Sendable {
    private enum Segment: Sendable, Equatable {
        case literal(String)
        case capture(String)
        case rest(String)
    }

    private struct Route: Sendable {
        let method: String
        let segments: [Segment]
        let handler: Handler
    }

    private var routes: [Route] = []

    public init() {}

    public mutating func add(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        let segments = Self.split(pattern).enumerated().map { index, part -> Segment in
            guard part.hasPrefix("{"), part.hasSuffix("}") else { return .literal(String(part)) }
            let name = part.dropFirst().dropLast()
            if name.hasSuffix("...") {
                precondition(index == Self.split(pattern).count - 1, "\(pattern): {name...} must be the last segment")
                return .rest(String(name.dropLast(3)))
            }
            return .capture(String(name))
        }
        routes.append(Route(method: method, segments: segments, handler: handler))
    }

    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { add("GET", pattern, handler) }
    public mutating func post(_ pattern: String, _ handler: @escaping Handler) { add("POST", pattern, handler) }
    public mutating func put(_ pattern: String, _ handler: @escaping Handler) { add("PUT", pattern, handler) }
    public mutating func delete(_ pattern: String, _ handler: @escaping Handler) { add("DELETE", pattern, handler) }

    /// The router as one handler.
    public var handler: Handler {
        { [self] request in try respond(to: request) }
    }

    public func respond(to request: Request) throws -> Response {
        let path = Self.split(request.path)
        var allowed: [String] = []
        for route in routes {
            guard let parameters = Self.match(route.segments, path) else { continue }
            if route.method == request.method || (request.method == "HEAD" && route.method == "GET") {
                var request = request
                request.parameters = parameters
                return try route.handler(request)
            }
            allowed.append(route.method)
        }
        guard !allowed.isEmpty else {
            throw HTTPError(status: .notFound, message: "No resource at \(request.path)")
        }
        if allowed.contains("GET") { allowed.append("HEAD") }
        var headers = HTTPHeaders()
        headers.add("Allow", Array(Set(allowed)).sorted().joined(separator: ", "))
        throw HTTPError(status: .methodNotAllowed, message: "\(request.method) is not allowed on \(request.path)", headers: headers)
    }

    private static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func match(_ segments: [Segment], _ path: [Substring]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .rest(let name):
                parameters[name] = path[min(index, path.count)...].joined(separator: "/")
                return parameters
            case .literal(let text):
                guard index < path.count, path[index] == text else { return nil }
            case .capture(let name):
                guard index < path.count else { return nil }
                parameters[name] = String(path[index])
            }
        }
        return segments.count == path.count ? parameters : nil
    }
}
