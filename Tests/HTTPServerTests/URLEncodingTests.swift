import Testing
@testable import HTTPServer

@Suite("URL encoding")
struct URLEncodingTests {
    @Test func decodesPercentEscapes() {
        #expect(URLEncoding.decode("a%20b%2Fc%e2%9c%93", plusAsSpace: false) == "a b/c✓")
        #expect(URLEncoding.decode("a+b", plusAsSpace: false) == "a+b")
        #expect(URLEncoding.decode("a+b", plusAsSpace: true) == "a b")
        #expect(URLEncoding.decode("%2e%2E", plusAsSpace: false) == "..")
    }

    @Test func rejectsBrokenEscapes() {
        for text in ["%", "%2", "%zz", "a%g0", "%ff"] {
            #expect(URLEncoding.decode(text, plusAsSpace: false) == nil, "\(text)")
        }
    }

    @Test func parsesForms() throws {
        let fields = try #require(URLEncoding.parseForm("a=1&b=&c&d=x%3Dy+z&&e=%E2%9C%93"))
        #expect(fields.map(\.name) == ["a", "b", "c", "d", "e"])
        #expect(fields.map(\.value) == ["1", "", "", "x=y z", "✓"])
        #expect(URLEncoding.parseForm("a=%") == nil)
    }

    @Test func encodingRoundTrips() {
        let text = "run 315705/a&b=c✓"
        #expect(URLEncoding.decode(URLEncoding.encode(text), plusAsSpace: false) == text)
        #expect(URLEncoding.encode("a b") == "a%20b")
    }
}
