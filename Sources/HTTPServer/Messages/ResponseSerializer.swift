/// Writes a response's bytes: status line, headers (plus `Content-Length`, `Date`, `Connection`)
/// and, except for HEAD and bodiless statuses, the body.
enum ResponseSerializer {
    private static let okStatusLine = Array("HTTP/1.1 200 OK\r\n".utf8)

    /// `http10` adds `Connection: keep-alive` when kept alive, which HTTP/1.0 clients need to hear.
    static func append(_ response: Response, to out: inout [UInt8], headOnly: Bool, keepAlive: Bool,
                       http10: Bool = false, date: String) {
        let code = response.status.code
        let bodiless = code == 204 || code == 304 || (100..<200).contains(code)
        if response.status == .ok {
            out.append(contentsOf: okStatusLine)
        } else {
            out.append(contentsOf: "HTTP/1.1 \(code) \(response.status.reason)\r\n".utf8)
        }
        for field in response.headers where !isManaged(field.name) {
            appendField(field.name, field.value, to: &out)
        }
        if !bodiless {
            appendField("Content-Length", String(response.body.count), to: &out)
        }
        appendField("Date", date, to: &out)
        if !keepAlive {
            appendField("Connection", "close", to: &out)
        } else if http10 {
            appendField("Connection", "keep-alive", to: &out)
        }
        out.append(contentsOf: "\r\n".utf8)
        if !headOnly && !bodiless {
            out.append(contentsOf: response.body)
        }
    }

    /// Headers the server owns; a handler's copies are dropped so framing cannot be broken.
    private static func isManaged(_ name: String) -> Bool {
        name.equalsIgnoringASCIICase("Content-Length") || name.equalsIgnoringASCIICase("Connection")
            || name.equalsIgnoringASCIICase("Transfer-Encoding") || name.equalsIgnoringASCIICase("Date")
    }

    /// Control characters in a value would split the header; they are replaced by spaces.
    private static func appendField(_ name: String, _ value: String, to out: inout [UInt8]) {
        var name = name
        name.withUTF8 { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
        var value = value
        value.withUTF8 { bytes in
            if bytes.contains(where: { $0 < 0x20 && $0 != 0x09 }) {
                for byte in bytes { out.append(byte < 0x20 && byte != 0x09 ? UInt8(ascii: " ") : byte) }
            } else {
                out.append(contentsOf: bytes)
            }
        }
        out.append(UInt8(ascii: "\r"))
        out.append(UInt8(ascii: "\n"))
    }
}
