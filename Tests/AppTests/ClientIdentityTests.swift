@testable import App
import HTTPServer
import Testing

/// Which bucket a submission counts against for the per-client limit.
@Suite("Client identity")
struct ClientIdentityTests {
    func request(peer: String?, forwarded: String?) throws -> Request {
        var headers = HTTPHeaders()
        if let forwarded { headers.add("X-Forwarded-For", forwarded) }
        var request = try Request(method: "POST", target: "/api/jobs", headers: headers)
        request.peerAddress = peer
        return request
    }

    @Test func aRemoteClientIsItsAddressWhateverItForwards() throws {
        #expect(ServiceContext.client(of: try request(peer: "10.1.2.3", forwarded: "192.0.2.7")) == "10.1.2.3")
        #expect(ServiceContext.client(of: try request(peer: "2001:db8::5", forwarded: nil)) == "2001:db8::5")
    }

    @Test func aLocalProxyPassesOnTheFirstForwardedAddress() throws {
        #expect(ServiceContext.client(of: try request(peer: "127.0.0.1", forwarded: " 192.0.2.7, 10.0.0.1")) == "192.0.2.7")
        #expect(ServiceContext.client(of: try request(peer: "::1", forwarded: nil)) == "::1")
    }
}
