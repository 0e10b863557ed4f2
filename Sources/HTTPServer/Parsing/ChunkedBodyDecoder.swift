/// Decodes a `Transfer-Encoding: chunked` body incrementally (RFC 9112 §7.1). Chunk extensions
/// are skipped; trailer fields are validated and dropped.
struct ChunkedBodyDecoder {
    private enum Phase {
        case sizeLine
        case data(remaining: Int)
        case dataEnd
        case trailers(bytesSeen: Int)
    }

    let maxBodyBytes: Int
    let maxTrailerBytes: Int
    private(set) var body: [UInt8] = []
    private var phase = Phase.sizeLine

    init(maxBodyBytes: Int, maxTrailerBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
        self.maxTrailerBytes = maxTrailerBytes
    }

    /// Consumes what it can of `buffer` from `position`; true once the body and trailers are complete.
    mutating func consume(_ buffer: [UInt8], from position: inout Int) throws(HTTPError) -> Bool {
        while true {
            switch phase {
            case .sizeLine:
                guard let line = try Self.line(in: buffer, from: position, limit: HTTPLimits.maxChunkSizeLineBytes,
                                               what: "Chunk size line") else { return false }
                let size = try Self.chunkSize(buffer[line.content])
                position = line.next
                if size == 0 {
                    phase = .trailers(bytesSeen: 0)
                } else {
                    guard size <= maxBodyBytes - body.count else {
                        throw HTTPError(status: .contentTooLarge, message: "Body larger than \(maxBodyBytes) bytes")
                    }
                    body.reserveCapacity(body.count + size)
                    phase = .data(remaining: size)
                }
            case .data(let remaining):
                let available = min(remaining, buffer.count - position)
                guard available > 0 else { return false }
                body.append(contentsOf: buffer[position..<position + available])
                position += available
                phase = available == remaining ? .dataEnd : .data(remaining: remaining - available)
            case .dataEnd:
                guard buffer.count - position >= 2 else { return false }
                guard buffer[position] == UInt8(ascii: "\r"), buffer[position + 1] == UInt8(ascii: "\n") else {
                    throw HTTPError(status: .badRequest, message: "Chunk data not followed by CRLF")
                }
                position += 2
                phase = .sizeLine
            case .trailers(let bytesSeen):
                guard let line = try Self.line(in: buffer, from: position, limit: maxTrailerBytes - bytesSeen,
                                               what: "Trailer section") else { return false }
                let content = buffer[line.content]
                position = line.next
                if content.isEmpty { return true }
                guard let colon = content.firstIndex(of: UInt8(ascii: ":")), colon > content.startIndex,
                      content[..<colon].allSatisfy(CharacterClass.isTokenByte),
                      content[(colon + 1)...].allSatisfy(CharacterClass.isFieldValueByte) else {
                    throw HTTPError(status: .badRequest, message: "Malformed trailer field")
                }
                phase = .trailers(bytesSeen: bytesSeen + content.count + 2)
            }
        }
    }

    /// The next CRLF-terminated line from `start`, or nil if it has not fully arrived yet.
    private static func line(in buffer: [UInt8], from start: Int, limit: Int,
                             what: String) throws(HTTPError) -> (content: Range<Int>, next: Int)? {
        var index = start
        while index < buffer.count {
            if buffer[index] == UInt8(ascii: "\n") {
                guard index > start, buffer[index - 1] == UInt8(ascii: "\r") else {
                    throw HTTPError(status: .badRequest, message: "\(what) not terminated by CRLF")
                }
                return (start..<index - 1, index + 1)
            }
            index += 1
            if index - start > limit {
                throw HTTPError(status: .badRequest, message: "\(what) too long")
            }
        }
        return nil
    }

    /// `1*HEXDIG [ ";" extensions ]` → the size.
    private static func chunkSize(_ line: ArraySlice<UInt8>) throws(HTTPError) -> Int {
        let digits = line.prefix { URLEncoding.hexValue($0) != nil }
        let rest = line[digits.endIndex...]
        guard !digits.isEmpty, digits.count <= HTTPLimits.maxChunkSizeDigits,
              rest.isEmpty || rest.first == UInt8(ascii: ";") || rest.first == UInt8(ascii: " ") || rest.first == UInt8(ascii: "\t"),
              rest.allSatisfy(CharacterClass.isFieldValueByte) else {
            throw HTTPError(status: .badRequest, message: "Invalid chunk size")
        }
        return digits.reduce(0) { $0 << 4 | Int(URLEncoding.hexValue($1) ?? 0) }
    }
}
