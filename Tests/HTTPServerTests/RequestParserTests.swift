import Testing
@testable import HTTPServer

@Suite("Request parser")
struct RequestParserTests {
    static let pipelined = "GET /a/b%20c?x=1&y=two+words HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n"
        + "POST /form HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 11\r\n\r\nname=a%26b&"
        + "PUT /chunked HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\nA\r\n, world!!!\r\n0\r\nX-Trailer: t\r\n\r\n"
        + "GET / HTTP/1.0\r\n\r\n"

    @Test func sameRequestsWhateverTheSplit() throws {
        let whole = ParserHarness.parse(Self.pipelined)
        #expect(whole.error == nil)
        #expect(whole.requests.count == 4)
        for piece in [1, 2, 3, 7, 64] {
            let split = ParserHarness.parse(Self.pipelined, pieceSize: piece)
            #expect(split.error == nil)
            #expect(split.requests.map(ParserHarness.summary) == whole.requests.map(ParserHarness.summary), "piece size \(piece)")
        }
    }

    @Test func decodesTargetQueryFormAndChunkedBody() throws {
        let requests = ParserHarness.parse(Self.pipelined).requests
        try #require(requests.count == 4)
        #expect(requests[0].path == "/a/b c")
        #expect(requests[0].query("y") == "two words")
        #expect(requests[0].target == "/a/b%20c?x=1&y=two+words")
        #expect(try requests[1].form().map(\.value) == ["a&b"])
        #expect(requests[2].body == Array("hello, world!!!".utf8))
        #expect(!requests[2].headers.contains("X-Trailer"))
        #expect(requests[3].version == .http10)
        #expect(!requests[3].keepAlive)
        #expect(requests[0].keepAlive)
    }

    @Test func ignoresOneEmptyLineBeforeTheRequestLine() {
        #expect(ParserHarness.parse("\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n").requests.count == 1)
    }

    @Test func headerNamesAcceptExactlyTheTokenCharacters() {
        let tchars = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for byte in 0...255 {
            let bytes = Array("GET / HTTP/1.1\r\nHost: h\r\nX".utf8) + [UInt8(byte)] + Array("Y: v\r\n\r\n".utf8)
            let outcome = ParserHarness.parse(bytes)
            if byte == UInt8(ascii: ":") {
                #expect(outcome.requests.first?.headers["X"] == "Y: v", "a colon ends the name")
            } else if tchars.contains(UInt8(byte)) {
                #expect(outcome.requests.count == 1, "byte \(byte) is a tchar")
            } else {
                #expect(outcome.error?.status == .badRequest, "byte \(byte) is not a tchar")
            }
        }
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\nHost: h\r\n\r\n", 400),                        // bare LF
        ("GET  / HTTP/1.1\r\nHost: h\r\n\r\n", 400),                     // double space
        ("GET / HTTP/1.1\r\n\r\n", 400),                                 // no Host
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),           // two Hosts
        ("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", 400),           // obs-fold
        ("GET / HTTP/1.1\r\nHost : h\r\n\r\n", 400),                     // space before colon
        ("GET / HTTP/1.1\r\nHost: h\u{01}\r\n\r\n", 400),                // control in value
        ("GET http://x/ HTTP/1.1\r\nHost: h\r\n\r\n", 400),              // absolute-form
        ("GET /%zz HTTP/1.1\r\nHost: h\r\n\r\n", 400),                   // bad escape
        ("GET /a%00b HTTP/1.1\r\nHost: h\r\n\r\n", 400),                 // NUL in path
        ("GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505),
        ("GET / HTTX/1.1\r\nHost: h\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1x\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400),
        ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999\r\n\r\n", 413),
    ])
    func rejectsMalformedRequests(text: String, status: Int) {
        #expect(ParserHarness.parse(text).error?.status.code == status)
        #expect(ParserHarness.parse(text, pieceSize: 1).error?.status.code == status)
    }

    @Test(arguments: [
        "zz\r\n",                      // not hex
        "\r\n",                        // empty size
        "5\r\nhelloXX",                // data not followed by CRLF
        "1234567890abcdef\r\n",        // too many digits
        "5\nhello\r\n0\r\n\r\n",       // bare LF
        "0\r\nbad trailer\r\n\r\n",    // trailer without colon
    ])
    func rejectsMalformedChunks(body: String) {
        let text = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n" + body
        #expect(ParserHarness.parse(text).error?.status == .badRequest)
    }

    @Test func enforcesEveryLimit() {
        var limits = HTTPLimits()
        limits.maxRequestLineBytes = 64
        limits.maxHeaderSectionBytes = 256
        limits.maxHeaderCount = 4
        limits.maxBodyBytes = 10
        let longTarget = "GET /" + String(repeating: "a", count: 100) + " HTTP/1.1\r\nHost: h\r\n\r\n"
        #expect(ParserHarness.parse(longTarget, limits: limits).error?.status == .uriTooLong)
        #expect(ParserHarness.parse(String(longTarget.prefix(80)), limits: limits).error?.status == .uriTooLong)
        let bigHeader = "GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "v", count: 300) + "\r\n\r\n"
        #expect(ParserHarness.parse(bigHeader, limits: limits).error?.status == .requestHeaderFieldsTooLarge)
        #expect(ParserHarness.parse(String(bigHeader.prefix(280)), pieceSize: 5, limits: limits).error?.status == .requestHeaderFieldsTooLarge)
        let manyHeaders = "GET / HTTP/1.1\r\nHost: h\r\n" + (1...4).map { "X\($0): v\r\n" }.joined() + "\r\n"
        #expect(ParserHarness.parse(manyHeaders, limits: limits).error?.status == .requestHeaderFieldsTooLarge)
        let bigBody = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n"
        #expect(ParserHarness.parse(bigBody, limits: limits).error?.status == .contentTooLarge)
        let bigChunks = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\n"
        #expect(ParserHarness.parse(bigChunks, limits: limits).error?.status == .contentTooLarge)
    }

    @Test func errorsAreFinal() {
        var parser = RequestParser()
        parser.append(Array("BAD\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        #expect(throws: HTTPError.self) { try parser.next() }
        #expect(throws: HTTPError.self) { try parser.next() }
    }

    @Test func reportsPartialRequests() throws {
        var parser = RequestParser()
        #expect(!parser.hasPartialRequest)
        parser.append(Array("GET / HT".utf8))
        guard case .needMoreData = try parser.next() else { Issue.record("expected needMoreData"); return }
        #expect(parser.hasPartialRequest)
        parser.append(Array("TP/1.1\r\nHost: h\r\n\r\n".utf8))
        guard case .request = try parser.next() else { Issue.record("expected a request"); return }
        #expect(!parser.hasPartialRequest)
    }
}
