@testable import HTTPServer

/// Feeds raw bytes to a `RequestParser` in chosen pieces and collects what it produces.
struct ParserHarness {
    struct Outcome {
        var requests: [Request] = []
        var error: HTTPError?
    }

    /// Parses `text` fed in pieces of `pieceSize` bytes (nil: all at once).
    static func parse(_ text: String, pieceSize: Int? = nil, limits: HTTPLimits = HTTPLimits()) -> Outcome {
        parse(Array(text.utf8), pieceSize: pieceSize, limits: limits)
    }

    static func parse(_ bytes: [UInt8], pieceSize: Int? = nil, limits: HTTPLimits = HTTPLimits()) -> Outcome {
        var parser = RequestParser(limits: limits)
        var outcome = Outcome()
        let size = max(1, pieceSize ?? bytes.count)
        var offset = 0
        repeat {
            let end = min(bytes.count, offset + size)
            parser.append(bytes[offset..<end])
            offset = end
            do {
                while case .request(let request) = try parser.next() {
                    outcome.requests.append(request)
                }
            } catch {
                outcome.error = error
                return outcome
            }
        } while offset < bytes.count
        return outcome
    }

    /// A comparable summary of a request.
    static func summary(_ request: Request) -> String {
        let headers = request.headers.map { "\($0.name)=\($0.value)" }.joined(separator: ";")
        return "\(request.method) \(request.path) \(request.query.map { "\($0.name)=\($0.value)" }) \(request.version) [\(headers)] \(request.body)"
    }
}
