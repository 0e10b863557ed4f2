/// An incremental, strict HTTP/1.1 request parser (RFC 9112). Feed it bytes as they arrive with
/// `append`, then call `next()` until it answers `.needMoreData`. Any error is final: the
/// connection must answer with the error's status and close.
public struct RequestParser {
    public enum Output {
        case request(Request)
        case needMoreData
    }

    private enum State {
        case head
        case fixedBody(RequestHead, length: Int)
        case chunked(RequestHead, ChunkedBodyDecoder)
        case failed(HTTPError)
    }

    public let limits: HTTPLimits
    private var buffer: [UInt8] = []
    /// Bytes before `start` are consumed.
    private var start = 0
    /// Where the head scan resumes, so bytes are looked at once however they are split.
    private var scanned = 0
    /// Start of the head line the scan is in.
    private var lineStart = 0
    private var state = State.head
    /// Set when a head asked `Expect: 100-continue` and its body has not arrived yet.
    private var continueRequested = false

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    /// Whether a request has begun arriving but is not complete.
    public var hasPartialRequest: Bool {
        switch state {
        case .head: buffer.count > start
        case .fixedBody, .chunked: true
        case .failed: false
        }
    }

    /// Bytes received and not yet consumed by a returned request.
    public var bufferedByteCount: Int { buffer.count - start }

    public mutating func append(_ bytes: some Collection<UInt8>) {
        if start > 0 && (start == buffer.count || start >= 4096) {
            buffer.removeSubrange(0..<start)
            scanned -= start
            lineStart -= start
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Whether the client waits for `100 Continue` before sending the body (RFC 9110 §10.1.1);
    /// true once per request.
    public mutating func takeContinueRequest() -> Bool {
        defer { continueRequested = false }
        return continueRequested && hasPartialRequest
    }

    public mutating func next() throws(HTTPError) -> Output {
        do {
            return try step()
        } catch {
            state = .failed(error)
            throw error
        }
    }

    private mutating func step() throws(HTTPError) -> Output {
        switch state {
        case .failed(let error):
            throw error
        case .head:
            guard let headEnd = try scanHead() else { return .needMoreData }
            let head = try RequestHead(parsing: buffer[start..<headEnd], limits: limits)
            start = headEnd
            continueRequested = head.framing != .none && head.version == .http11
                && head.headers.tokens("Expect").contains("100-continue")
            switch head.framing {
            case .none:
                return try finish(head, body: [])
            case .length(let length):
                state = .fixedBody(head, length: length)
            case .chunked:
                state = .chunked(head, ChunkedBodyDecoder(maxBodyBytes: limits.maxBodyBytes,
                                                          maxTrailerBytes: limits.maxHeaderSectionBytes))
            }
            return try step()
        case .fixedBody(let head, let length):
            guard buffer.count - start >= length else { return .needMoreData }
            let body = Array(buffer[start..<start + length])
            start += length
            return try finish(head, body: body)
        case .chunked(let head, var decoder):
            state = .head // the decoder is held locally while it works (no copy on write)
            let done = try decoder.consume(buffer, from: &start)
            guard done else {
                state = .chunked(head, decoder)
                return .needMoreData
            }
            return try finish(head, body: decoder.body)
        }
    }

    private mutating func finish(_ head: RequestHead, body: [UInt8]) throws(HTTPError) -> Output {
        state = .head
        continueRequested = false
        scanned = start
        lineStart = start
        let request = try Request(method: head.method, target: head.target, version: head.version,
                                  headers: head.headers, body: body)
        return .request(request)
    }

    /// Scans for the empty line that ends the head; returns the index just past it. Every line
    /// must end in CRLF; empty lines before the request line are skipped (RFC 9112 §2.2).
    private mutating func scanHead() throws(HTTPError) -> Int? {
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var index = scanned
        while index < buffer.count {
            if buffer[index] == lf {
                guard index > lineStart, buffer[index - 1] == cr else {
                    throw HTTPError(status: .badRequest, message: "Header line not terminated by CRLF")
                }
                if index - 1 == lineStart {
                    if lineStart == start {
                        start = index + 1 // a stray CRLF before the request line
                    } else {
                        scanned = index + 1
                        lineStart = index + 1
                        return index + 1
                    }
                }
                lineStart = index + 1
            }
            index += 1
        }
        scanned = index
        try checkHeadSize()
        return nil
    }

    private func checkHeadSize() throws(HTTPError) {
        let requestLineDone = lineStart > start
        if !requestLineDone && buffer.count - start > limits.maxRequestLineBytes {
            throw HTTPError(status: .uriTooLong, message: "Request line longer than \(limits.maxRequestLineBytes) bytes")
        }
        if buffer.count - start > limits.maxHeaderSectionBytes {
            throw HTTPError(status: .requestHeaderFieldsTooLarge,
                            message: "Header section larger than \(limits.maxHeaderSectionBytes) bytes")
        }
    }
}
