#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import Logging
import Synchronization
import Testing
@testable import HTTPServer

/// Real sockets on loopback against a running `Server`.
@Suite("Live server", .serialized)
struct LiveServerTests {
    /// Signalled when the `/slow` handler begins, so a test knows a request is in flight.
    static let slowStarted = DispatchSemaphore(value: 0)

    static func makeServer(_ configure: (inout ServerConfiguration) -> Void = { _ in }) throws -> (Server, Int) {
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configure(&configuration)
        var router = Router()
        router.get("/hello/{name}") { request in .text("hello \(request.parameters["name"] ?? "")") }
        router.post("/echo") { request in Response(body: request.body) }
        router.get("/json") { _ in try .json(encoding: ["b": [1, 2], "a": [3]]) }
        router.get("/slow") { _ in
            slowStarted.signal()
            usleep(300_000)
            return .text("slow done")
        }
        router.get("/big") { _ in Response(body: LiveServerTests.bigBody) }
        let server = try Server(configuration: configuration, handler: chain([RequestIDMiddleware(), ErrorMiddleware(logger: .init(label: "test"))], router.handler))
        let port = try server.start()
        return (server, port)
    }

    /// Larger than loopback's largest send buffer (4 MB), so the server must wait for the client.
    static let bigBody: [UInt8] = {
        var body = [UInt8](repeating: 0, count: 6 << 20)
        body.withUnsafeMutableBytes { bytes in
            for index in stride(from: 0, to: bytes.count, by: 4096) { bytes[index] = UInt8(truncatingIfNeeded: index >> 12) }
        }
        return body
    }()

    @Test func largeResponsesWaitForASlowReader() throws {
        let (server, port) = try Self.makeServer()
        defer { server.shutdown() }
        let client = try TestClient(port: port, receiveBuffer: 4096)
        try client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\nGET /hello/after HTTP/1.1\r\nHost: t\r\n\r\n")
        usleep(200_000) // the socket buffers fill; the rest must go out as the client reads
        let big = try client.readReply()
        #expect(big.body.count == Self.bigBody.count)
        #expect(big.body.withUnsafeBytes { a in Self.bigBody.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) } } == 0)
        #expect(try client.readReply().text == "hello after")
    }

    @Test func manyPipelinedLargeResponsesAreWrittenInTurn() throws {
        let (server, port) = try Self.makeServer()
        defer { server.shutdown() }
        let client = try TestClient(port: port, receiveBuffer: 4096)
        // 3 × 6 MB asked at once: each answer waits for the client in turn, and all arrive in order.
        try client.send(String(repeating: "GET /big HTTP/1.1\r\nHost: t\r\n\r\n", count: 3) + "GET /hello/end HTTP/1.1\r\nHost: t\r\n\r\n")
        for _ in 0..<3 { #expect(try client.readReply().body.count == Self.bigBody.count) }
        #expect(try client.readReply().text == "hello end")
    }

    @Test func sigtermStopsARunningServer() throws {
        var router = Router()
        router.get("/") { _ in .text("up") }
        let server = try Server(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), handler: router.handler)
        let listening = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        let port = Mutex(0)
        Thread.detachNewThread {
            try? server.run { bound in
                port.withLock { $0 = bound }
                listening.signal()
            }
            finished.signal()
        }
        #expect(listening.wait(timeout: .now() + 5) == .success)
        let bound = port.withLock { $0 }
        #expect(try TestClient.get("/", port: bound).text == "up")
        kill(getpid(), SIGTERM)
        // run() returning is the proof; probing the port again would race other tests,
        // which may be handed the same ephemeral port as soon as it is free.
        #expect(finished.wait(timeout: .now() + 30) == .success)
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let (server, port) = try Self.makeServer()
        defer { server.shutdown() }
        let client = try TestClient(port: port)
        for name in ["a", "b", "c"] {
            try client.send("GET /hello/\(name) HTTP/1.1\r\nHost: t\r\n\r\n")
            let reply = try client.readReply()
            #expect(reply.status == 200)
            #expect(reply.text == "hello \(name)")
            #expect(reply.headers["Connection"] == nil)
            #expect(reply.headers["X-Request-Id"] != nil)
        }
    }

    @Test func http10KeepAliveIsConfirmed() throws {
        let (server, port) = try Self.makeServer()
        defer { server.shutdown() }
        let client = try TestClient(port: port)
        try client.send("GET /hello/old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try client.readReply().headers["Connection"] == "keep-alive")
        try client.send("GET /hello/older HTTP/1.0\r\n\r\n")
        let reply = try client.readReply()
        #expect(reply.text == "hello older")
        #expect(reply.headers["Connection"] == "close")
        #expect(client.isClosedByPeer())
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let (server, port) = try Self.makeServer()
        defer { server.shutdown() }
        let client = try TestClient(port: port)
        try client.send("GET /hello/1 HTTP/1.1\r\nHost: t\r\n\r\nPOST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nGET /hello/3 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        #expect(try client.readReply().text == "hello 1")
        #expect(try client.readReply().text == "abc")
        let last = try client.readReply()
        #expect(last.text == "hello 3")
        #expect(last.headers["Connection"] == "close")
        #expect(client.isClosedByPeer())
    }

    @Test func headHasHeadersButNoBody() throws {
        let (server, port) = try Self.makeServer()
        defer { server.shutdown() }
        let client = try TestClient(port: port)
        try client.send("HEAD /hello/world HTTP/1.1\r\nHost: t\r\n\r\nGET /hello/next HTTP/1.1\r\nHost: t\r\n\r\n")
        let head = try client.readReply(head: true)
        #expect(head.status == 200)
        #expect(head.headers["Content-Length"] == "11")
        // If HEAD had sent a body, it would be read here as the start of the next response.
        #expect(try client.readReply().text == "hello next")
    }

    @Test func errorsGetTheirStatusAndMalformedRequestsClose() throws {
        let (server, port) = try Self.makeServer()
        defer { server.shutdown() }
        #expect(try TestClient.get("/nowhere", port: port).status == 404)
        let json = try TestClient.get("/json", port: port)
        #expect(json.text == #"{"a":[3],"b":[1,2]}"#)
        #expect(json.headers["Content-Type"] == "application/json")
        let notAllowed = try TestClient.get("/echo", port: port, headers: "Accept: application/json\r\n")
        #expect(notAllowed.status == 405)
        #expect(notAllowed.headers["Allow"] == "POST")
        #expect(notAllowed.text.hasPrefix(#"{"error":{"status":405"#))
        let client = try TestClient(port: port)
        try client.send("GET / HTTP/1.1\r\nHost: t\r\nBad Header\r\n\r\n")
        let reply = try client.readReply()
        #expect(reply.status == 400)
        #expect(reply.headers["Connection"] == "close")
        #expect(client.isClosedByPeer())
        let large = try TestClient(port: port)
        try large.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 999999999\r\n\r\n")
        #expect(try large.readReply().status == 413)
    }

    @Test func expectContinueGetsAnInterimResponse() throws {
        let (server, port) = try Self.makeServer()
        defer { server.shutdown() }
        let client = try TestClient(port: port)
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
        #expect(try client.readReply().status == 100)
        try client.send("data")
        #expect(try client.readReply().text == "data")
    }

    @Test func slowClientsAreCutOffByTheReadTimeout() throws {
        let (server, port) = try Self.makeServer { $0.timeouts = ConnectionTimeouts(idle: .milliseconds(300), read: .milliseconds(200)) }
        defer { server.shutdown() }
        let client = try TestClient(port: port)
        let started = ContinuousClock.now
        // Trickle a header byte by byte, faster than the timeout: it must still expire.
        for byte in "GET /hello/x HTTP/1.1\r\nHost: t\r\nX-Slow: aaaaaaaaaaaaaaaaa".utf8 {
            guard (try? client.send(String(UnicodeScalar(byte)))) != nil else { break }
            usleep(20_000)
            if ContinuousClock.now - started > .seconds(2) { break }
        }
        #expect(client.isClosedByPeer())
        #expect(ContinuousClock.now - started < .seconds(2))
        let idle = try TestClient(port: port)
        #expect(idle.isClosedByPeer()) // idle timeout
    }

    @Test func connectionsOverTheCapGet503() throws {
        let (server, port) = try Self.makeServer { $0.maxConnections = 2 }
        defer { server.shutdown() }
        let first = try TestClient(port: port), second = try TestClient(port: port)
        try first.send("GET /hello/1 HTTP/1.1\r\nHost: t\r\n\r\n")
        try second.send("GET /hello/2 HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try first.readReply().status == 200)
        #expect(try second.readReply().status == 200)
        let third = try TestClient(port: port)
        let reply = try third.readReply()
        #expect(reply.status == 503)
        #expect(reply.headers["Retry-After"] == "1")
        #expect(server.connectionCount == 2)
    }

    @Test func gracefulShutdownFinishesInFlightRequestsAndClosesIdleOnes() throws {
        let (server, port) = try Self.makeServer()
        let idle = try TestClient(port: port)
        let busy = try TestClient(port: port)
        try busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(Self.slowStarted.wait(timeout: .now() + 5) == .success)
        server.shutdown()
        let reply = try busy.readReply()
        #expect(reply.text == "slow done")
        #expect(reply.headers["Connection"] == "close")
        #expect(idle.isClosedByPeer())
        #expect(server.connectionCount == 0)
        #expect(throws: TestClient.Failure.self) { try TestClient(port: port) }
    }
}
