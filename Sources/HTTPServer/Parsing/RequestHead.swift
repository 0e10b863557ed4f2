/// The request line and header fields of one request, validated (RFC 9112 §3, §5, §6).
struct RequestHead {
    enum Framing: Equatable {
        case none
        case length(Int)
        case chunked
    }

    let method: String
    let target: String
    let version: HTTPVersion
    let headers: HTTPHeaders
    let framing: Framing

    /// `bytes` is the head including its final empty line.
    init(parsing bytes: ArraySlice<UInt8>, limits: HTTPLimits) throws(HTTPError) {
        if bytes.count > limits.maxHeaderSectionBytes {
            throw HTTPError(status: .requestHeaderFieldsTooLarge,
                            message: "Header section larger than \(limits.maxHeaderSectionBytes) bytes")
        }
        // Lines end in CRLF (checked by the scanner); the last two lines are the empty one.
        var lines = bytes.dropLast(2).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { $0.dropLast() }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let requestLine = lines.first else {
            throw HTTPError(status: .badRequest, message: "Missing request line")
        }
        if requestLine.count > limits.maxRequestLineBytes {
            throw HTTPError(status: .uriTooLong, message: "Request line longer than \(limits.maxRequestLineBytes) bytes")
        }
        (method, target, version) = try Self.parseRequestLine(requestLine)
        if lines.count - 1 > limits.maxHeaderCount {
            throw HTTPError(status: .requestHeaderFieldsTooLarge, message: "More than \(limits.maxHeaderCount) header fields")
        }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            let field = try Self.parseField(line)
            headers.add(field.name, field.value)
        }
        self.headers = headers
        if version == .http11 && headers.values("Host").count != 1 {
            throw HTTPError(status: .badRequest, message: "An HTTP/1.1 request needs exactly one Host header")
        }
        framing = try Self.framing(headers, version: version, limits: limits)
    }

    private static func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPError) -> (String, String, HTTPVersion) {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(CharacterClass.isTokenByte) else {
            throw HTTPError(status: .badRequest, message: "Malformed request line")
        }
        let target = parts[1]
        let isOrigin = target.first == UInt8(ascii: "/")
        let isAsterisk = target.elementsEqual("*".utf8)
        guard isOrigin || isAsterisk, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw HTTPError(status: .badRequest, message: "Malformed request target")
        }
        let version = try parseVersion(parts[2])
        return (String(decoding: parts[0], as: UTF8.self), String(decoding: target, as: UTF8.self), version)
    }

    private static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPError) -> HTTPVersion {
        let text = Array(bytes)
        guard text.count == 8, text[0..<5].elementsEqual("HTTP/".utf8), text[6] == UInt8(ascii: "."),
              let major = digit(text[5]), let minor = digit(text[7]) else {
            throw HTTPError(status: .badRequest, message: "Malformed HTTP version")
        }
        guard major == 1 else {
            throw HTTPError(status: .httpVersionNotSupported, message: "Only HTTP/1.x is supported")
        }
        return HTTPVersion(major: 1, minor: minor == 0 ? 0 : 1)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func parseField(_ line: ArraySlice<UInt8>) throws(HTTPError) -> (name: String, value: String) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            // Also rejects obsolete line folding, whose continuation lines start with whitespace.
            throw HTTPError(status: .badRequest, message: "Header line without a colon")
        }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(CharacterClass.isTokenByte) else {
            throw HTTPError(status: .badRequest, message: "Malformed header field name")
        }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value.removeFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value.removeLast() }
        guard value.allSatisfy(CharacterClass.isFieldValueByte) else {
            throw HTTPError(status: .badRequest, message: "Invalid character in header field value")
        }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    private static func framing(_ headers: HTTPHeaders, version: HTTPVersion, limits: HTTPLimits) throws(HTTPError) -> Framing {
        let codings = headers.tokens("Transfer-Encoding")
        let lengths = headers.values("Content-Length")
        if !codings.isEmpty || headers.contains("Transfer-Encoding") {
            // Both framings at once is the classic request-smuggling vector: refuse it.
            guard lengths.isEmpty else {
                throw HTTPError(status: .badRequest, message: "Both Transfer-Encoding and Content-Length")
            }
            guard version == .http11 else {
                throw HTTPError(status: .badRequest, message: "Transfer-Encoding in an HTTP/1.0 request")
            }
            guard codings == ["chunked"] else {
                if codings.last != "chunked" {
                    throw HTTPError(status: .badRequest, message: "The final transfer coding must be chunked")
                }
                throw HTTPError(status: .notImplemented, message: "Unsupported transfer coding")
            }
            return .chunked
        }
        let values = lengths.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map { $0.trimmingOWS() }
        guard let first = values.first else { return .none }
        guard values.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.allSatisfy({ digit($0) != nil }) else {
            throw HTTPError(status: .badRequest, message: "Invalid Content-Length")
        }
        guard first.utf8.count <= 18, let length = Int(first), length <= limits.maxBodyBytes else {
            throw HTTPError(status: .contentTooLarge, message: "Body larger than \(limits.maxBodyBytes) bytes")
        }
        return length == 0 ? .none : .length(length)
    }
}

/// Byte classes of RFC 9110 §5.6.2 and §5.5.
enum CharacterClass {
    /// tchar: "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// field-vchar, SP or HTAB: visible ASCII, obs-text (0x80–0xFF) and whitespace; no controls.
    static func isFieldValueByte(_ byte: UInt8) -> Bool {
        byte == 0x09 || (byte >= 0x20 && byte != 0x7F)
    }
}
