import Logging
import Testing
@testable import HTTPServer

@Suite("Middleware")
struct MiddlewareTests {
    static let logger = Logger(label: "test")

    static func request(_ headers: HTTPHeaders = ["Host": "h"]) throws -> Request {
        try Request(method: "GET", target: "/x", headers: headers)
    }

    @Test func runsOutermostFirst() throws {
        struct Tag: Middleware {
            let name: String
            func respond(to request: Request, next: Handler) throws -> Response {
                var response = try next(request)
                response.headers.add("Order", name)
                return response
            }
        }
        let handler = chain([Tag(name: "outer"), Tag(name: "inner")]) { _ in .text("ok") }
        #expect(try handler(Self.request()).headers.values("Order") == ["inner", "outer"])
    }

    @Test func requestIDsAreGeneratedOrKeptWhenSafe() throws {
        let handler = chain([RequestIDMiddleware()]) { request in .text(request.id) }
        let first = try handler(Self.request()), second = try handler(Self.request())
        #expect(first.headers["X-Request-Id"] != second.headers["X-Request-Id"])
        #expect(first.body == Array((first.headers["X-Request-Id"] ?? "").utf8))
        #expect(try handler(Self.request(["Host": "h", "X-Request-Id": "abc-123"])).headers["X-Request-Id"] == "abc-123")
        let unsafe = try handler(Self.request(["Host": "h", "X-Request-Id": "<script>"]))
        #expect(unsafe.headers["X-Request-Id"] != "<script>")
    }

    @Test func errorsRenderAsJSONOrEscapedHTMLByAccept() throws {
        let handler = chain([ErrorMiddleware(logger: Self.logger)]) { _ in
            throw HTTPError(status: .notFound, message: "No <run> \"7\"")
        }
        let json = try handler(Self.request(["Host": "h", "Accept": "application/json"]))
        #expect(json.status == .notFound)
        #expect(json.headers["Content-Type"] == "application/json")
        #expect(String(decoding: json.body, as: UTF8.self) == #"{"error":{"status":404,"message":"No \u003crun> \"7\""},"requestId":""}"#)
        let html = try handler(Self.request(["Host": "h", "Accept": "text/html,application/json;q=0.9"]))
        #expect(html.headers["Content-Type"] == "text/html; charset=utf-8")
        let page = String(decoding: html.body, as: UTF8.self)
        #expect(page.contains("No &lt;run&gt; &quot;7&quot;"))
        #expect(!page.contains("<run>"))
    }

    @Test func otherErrorsBecomeA500WithoutDetail() throws {
        struct Secret: Error {}
        let handler = chain([ErrorMiddleware(logger: Self.logger)]) { _ in throw Secret() }
        let response = try handler(Self.request(["Host": "h", "Accept": "application/json"]))
        #expect(response.status == .internalServerError)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("Secret"))
    }

    @Test func negotiationFollowsQualities() {
        #expect(Negotiation.quality(of: "gzip", in: "gzip, deflate") == 1)
        #expect(Negotiation.quality(of: "gzip", in: "gzip;q=0, *") == 0)
        #expect(Negotiation.quality(of: "gzip", in: "deflate, *;q=0.5") == 0.5)
        #expect(Negotiation.quality(of: "text/html", in: "text/*;q=0.3, */*;q=0.1") == 0.3)
        #expect(Negotiation.quality(of: "application/json", in: "") == 0)
    }
}
