import Foundation
import Testing
@testable import HTTPServer

@Suite("Static files")
struct StaticFilesTests {
    /// A root with a stylesheet, a hidden file, a subfolder, and symlinks inside and outside it;
    /// a secret file sits next to the root.
    final class Fixture {
        let base: URL
        let root: URL
        let router: Router
        let css = String(repeating: "body { margin: 0; color: #222; }\n", count: 40)

        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("static-\(UUID().uuidString)")
            root = base.appendingPathComponent("Public")
            let fm = FileManager.default
            try fm.createDirectory(at: root.appendingPathComponent("css"), withIntermediateDirectories: true)
            try css.write(to: root.appendingPathComponent("css/site.css"), atomically: true, encoding: .utf8)
            try "tiny".write(to: root.appendingPathComponent("tiny.txt"), atomically: true, encoding: .utf8)
            try "hidden".write(to: root.appendingPathComponent(".env"), atomically: true, encoding: .utf8)
            try "secret".write(to: base.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
            try fm.createSymbolicLink(atPath: root.appendingPathComponent("escape.txt").path, withDestinationPath: base.appendingPathComponent("secret.txt").path)
            try fm.createSymbolicLink(atPath: root.appendingPathComponent("alias.css").path, withDestinationPath: "css/site.css")
            let files = try StaticFiles(root: root.path)
            var router = Router()
            router.get("/static/{path...}", files.handler())
            self.router = router
        }

        deinit { try? FileManager.default.removeItem(at: base) }

        func get(_ target: String, _ headers: HTTPHeaders = [:]) throws -> Response {
            var all: HTTPHeaders = ["Host": "h"]
            for field in headers { all.add(field.name, field.value) }
            return try router.respond(to: Request(method: "GET", target: target, headers: all))
        }

        func status(_ target: String) -> Int {
            do { return try get(target).status.code } catch let error as HTTPError { return error.status.code } catch { return -1 }
        }
    }

    @Test func servesFilesWithTypeAndValidators() throws {
        let fixture = try Fixture()
        let response = try fixture.get("/static/css/site.css")
        #expect(response.status == .ok)
        #expect(response.body == Array(fixture.css.utf8))
        #expect(response.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(response.headers["ETag"] != nil)
        #expect(response.headers["Last-Modified"] != nil)
        #expect(try fixture.get("/static/alias.css").body == response.body) // a symlink inside the root is fine
    }

    @Test(arguments: [
        "/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/%2E%2E%2Fsecret.txt",
        "/static/css/..%2f..%2fsecret.txt", "/static/css/../../secret.txt", "/static/./css/site.css",
        "/static/escape.txt", "/static/.env", "/static/css", "/static/", "/static/missing.css",
        "/static/..%5csecret.txt",
    ])
    func refusesEverythingOutsideTheRoot(target: String) throws {
        let fixture = try Fixture()
        #expect(fixture.status(target) == 404)
    }

    @Test func conditionalGetAnswers304() throws {
        let fixture = try Fixture()
        let first = try fixture.get("/static/css/site.css")
        let etag = try #require(first.headers["ETag"])
        let modified = try #require(first.headers["Last-Modified"])
        #expect(try fixture.get("/static/css/site.css", ["If-None-Match": etag]).status == .notModified)
        #expect(try fixture.get("/static/css/site.css", ["If-None-Match": "\"other\", W/\(etag)"]).status == .notModified)
        #expect(try fixture.get("/static/css/site.css", ["If-None-Match": "\"other\""]).status == .ok)
        #expect(try fixture.get("/static/css/site.css", ["If-Modified-Since": modified]).status == .notModified)
        #expect(try fixture.get("/static/css/site.css", ["If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"]).status == .ok)
        // If-None-Match wins over If-Modified-Since.
        #expect(try fixture.get("/static/css/site.css", ["If-None-Match": "\"other\"", "If-Modified-Since": modified]).status == .ok)
        let notModified = try fixture.get("/static/css/site.css", ["If-None-Match": etag])
        #expect(notModified.body.isEmpty)
        #expect(notModified.headers["ETag"] == etag)
    }

    @Test func gzipWhenAcceptedAndWorthIt() throws {
        let fixture = try Fixture()
        let zipped = try fixture.get("/static/css/site.css", ["Accept-Encoding": "gzip, br"])
        #expect(zipped.headers["Content-Encoding"] == "gzip")
        #expect(zipped.headers["Vary"] == "Accept-Encoding")
        #expect(zipped.body.count < fixture.css.utf8.count)
        #expect(Gunzip.inflate(zipped.body) == Array(fixture.css.utf8))
        let plain = try fixture.get("/static/css/site.css", ["Accept-Encoding": "gzip;q=0"])
        #expect(plain.headers["Content-Encoding"] == nil)
        #expect(zipped.headers["ETag"] != plain.headers["ETag"])
        #expect(try fixture.get("/static/css/site.css", ["Accept-Encoding": "gzip", "If-None-Match": zipped.headers["ETag"] ?? ""]).status == .notModified)
        #expect(try fixture.get("/static/tiny.txt", ["Accept-Encoding": "gzip"]).headers["Content-Encoding"] == nil)
    }

    @Test func aChangedFileIsReRead() throws {
        let fixture = try Fixture()
        let before = try fixture.get("/static/tiny.txt")
        try "changed content".write(to: fixture.root.appendingPathComponent("tiny.txt"), atomically: true, encoding: .utf8)
        let after = try fixture.get("/static/tiny.txt")
        #expect(after.body == Array("changed content".utf8))
        #expect(after.headers["ETag"] != before.headers["ETag"])
    }

    @Test func httpDatesRoundTrip() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
    }
}
