#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import HTTPServer

/// A blocking loopback client speaking raw bytes, so tests control exactly what is sent.
final class TestClient {
    struct Reply {
        let status: Int
        let headers: HTTPHeaders
        let body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error { let message: String }

    let descriptor: Int32
    private var pending: [UInt8] = []

    /// `receiveBuffer` shrinks the kernel's receive buffer, so a client that does not read
    /// pushes back on the server quickly.
    init(port: Int, timeoutSeconds: Int = 5, receiveBuffer: Int32? = nil) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if var size = receiveBuffer {
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(descriptor); throw Failure(message: "connect failed: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw Failure(message: "send failed: errno \(errno)") }
    }

    /// Reads one response; `head` says it answers a HEAD request (no body whatever the length says).
    func readReply(head: Bool = false) throws -> Reply {
        let headEnd = try fill { Self.find([13, 10, 13, 10], in: $0) }
        let lines = String(decoding: pending[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(message: "bad status line \(lines[0])") }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() where !line.isEmpty {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers.add(String(parts[0]), String(parts[1].dropFirst()))
        }
        let length = head || status == 304 ? 0 : Int(headers["Content-Length"] ?? "0") ?? 0
        _ = try fill { $0.count >= headEnd + 4 + length ? 0 : nil }
        let body = Array(pending[(headEnd + 4)..<(headEnd + 4 + length)])
        pending.removeSubrange(..<(headEnd + 4 + length))
        return Reply(status: status, headers: headers, body: body)
    }

    /// Whether the server closed the connection (EOF) before `seconds` passed.
    func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        return recv(descriptor, &byte, 1, 0) == 0
    }

    private func fill(until found: ([UInt8]) -> Int?) throws -> Int {
        while true {
            if let index = found(pending) { return index }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = recv(descriptor, &chunk, chunk.count, 0)
            guard count > 0 else { throw Failure(message: count == 0 ? "connection closed" : "recv failed: errno \(errno)") }
            pending += chunk[..<count]
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// One request on a fresh connection.
    static func get(_ path: String, port: Int, headers: String = "") throws -> Reply {
        let client = try TestClient(port: port)
        try client.send("GET \(path) HTTP/1.1\r\nHost: test\r\n\(headers)Connection: close\r\n\r\n")
        return try client.readReply()
    }
}
