import Testing
@testable import HTTPServer

@Suite("Router")
struct RouterTests {
    static let router: Router = {
        var router = Router()
        router.get("/") { _ in .text("root") }
        router.get("/runs/{run}/plots/{name}") { request in
            .text("\(request.parameters["run"] ?? "")|\(request.parameters["name"] ?? "")")
        }
        router.post("/runs/{run}") { request in .text("posted \(request.parameters["run"] ?? "")") }
        router.delete("/runs/{run}") { _ in Response(status: .noContent) }
        router.get("/static/{path...}") { request in .text("file \(request.parameters["path"] ?? "")") }
        return router
    }()

    static func respond(_ method: String, _ target: String) throws -> String {
        let response = try router.respond(to: Request(method: method, target: target, headers: ["Host": "h"]))
        return String(decoding: response.body, as: UTF8.self)
    }

    @Test func capturesSegmentsAndTheRest() throws {
        #expect(try Self.respond("GET", "/") == "root")
        #expect(try Self.respond("GET", "/runs/315705/plots/a%20b") == "315705|a b")
        #expect(try Self.respond("POST", "/runs/7") == "posted 7")
        #expect(try Self.respond("GET", "/static/css/site.css") == "file css/site.css")
        #expect(try Self.respond("GET", "/static/") == "file ")
        #expect(try Self.respond("HEAD", "/runs/1/plots/x") == "1|x")
    }

    @Test func unknownPathsAre404() {
        for target in ["/nope", "/runs", "/runs/1/plots", "/runs/1/plots/x/extra"] {
            #expect(throws: HTTPError(status: .notFound, message: "No resource at \(target)")) { try Self.respond("GET", target) }
        }
    }

    @Test func otherMethodsAre405WithAllow() {
        do {
            _ = try Self.respond("PUT", "/runs/9")
            Issue.record("expected 405")
        } catch let error as HTTPError {
            #expect(error.status == .methodNotAllowed)
            #expect(error.headers["Allow"] == "DELETE, POST")
        } catch {
            Issue.record("unexpected \(error)")
        }
        do {
            _ = try Self.respond("POST", "/")
        } catch let error as HTTPError {
            #expect(error.headers["Allow"] == "GET, HEAD")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
