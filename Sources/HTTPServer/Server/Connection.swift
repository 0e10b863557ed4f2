/// Drives one accepted socket: reads into the parser, answers each request through the worker's
/// responder, writes responses in order (pipelining) and closes on `ConnectionState`'s word.
/// The worker calls `readable`/`writable` from its poller; every member is touched only on the
/// worker's serial queue.
final class Connection {
    private static let continueLine = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
    /// Pipelined requests are answered until this much output is waiting; the rest wait until it
    /// is written, so a burst of requests for large responses cannot exhaust memory.
    static let maxPendingOutputBytes = 1 << 20
    private let socket: Socket
    /// Looked up once per connection, for every request it carries.
    private let peerAddress: String?
    private unowned let worker: Worker
    private var parser: RequestParser
    private var state: ConnectionState
    private var output: [UInt8] = []
    private var written = 0
    /// Input arrived while a response was still being written; read it once the write is done
    /// (back-pressure: a client that does not read its responses does not get more parsed).
    private var readDeferred = false
    private var isClosed = false

    init(socket: Socket, worker: Worker, now: ContinuousClock.Instant) {
        self.socket = socket
        peerAddress = socket.peerAddress()
        self.worker = worker
        parser = RequestParser(limits: worker.configuration.limits)
        state = ConnectionState(timeouts: worker.configuration.timeouts, now: now)
    }

    var descriptor: Int32 { socket.descriptor }

    /// Closes now if idle; otherwise after the response in progress.
    func stop() {
        if state.stop() { close() }
    }

    func closeIfExpired(at now: ContinuousClock.Instant) {
        if state.expired(at: now) { close() }
    }

    func readable() {
        guard !isClosed else { return }
        guard written == output.count else {
            readDeferred = true
            return
        }
        let buffer = worker.readBuffer
        // Room for one largest request plus a read; a client pipelining faster than it reads
        // its answers waits in its socket beyond this.
        let inputCap = parser.limits.maxHeaderSectionBytes + parser.limits.maxBodyBytes + buffer.count
        while true {
            switch Result(catching: { try socket.read(into: buffer) }) {
            case .success(.done(0)), .failure:
                close()
                return
            case .success(.done(let count)):
                parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                // A short read drained the socket; anything later raises a new edge.
                if count < buffer.count { return process() }
                if parser.bufferedByteCount >= inputCap {
                    process()
                    guard !isClosed else { return }
                    if written < output.count {
                        // The socket still holds input that no new edge will announce: come back
                        // to it once the answers to what is buffered have been written.
                        readDeferred = true
                        return
                    }
                }
            case .success(.wouldBlock):
                return process()
            }
        }
    }

    func writable() {
        if !isClosed && written < output.count { flush() }
    }

    /// Answers every complete request buffered, then writes the responses in one go.
    private func process() {
        let now = ContinuousClock.now
        var keepAlive = true
        while keepAlive && output.count < Self.maxPendingOutputBytes {
            do {
                guard case .request(var request) = try parser.next() else { break }
                request.peerAddress = peerAddress
                let response = worker.respond(to: request)
                keepAlive = request.keepAlive && !worker.isStopping
                ResponseSerializer.append(response, to: &output, headOnly: request.method == "HEAD",
                                          keepAlive: keepAlive, http10: request.version == .http10, date: HTTPDate.now())
            } catch {
                keepAlive = false
                let response = Response.text("\(error.status): \(error.message)\n", status: error.status)
                ResponseSerializer.append(response, to: &output, headOnly: false, keepAlive: false, date: HTTPDate.now())
            }
        }
        if output.isEmpty {
            if parser.takeContinueRequest() {
                // 25 bytes on a socket with nothing queued: the kernel takes them at once; if not,
                // the client sends its body after its own short wait anyway.
                _ = Self.continueLine.withUnsafeBytes { try? socket.write($0) }
            }
            state.received(partialRequest: parser.hasPartialRequest, at: now)
        } else {
            state.responding(keepAlive: keepAlive, at: now)
            flush()
        }
    }

    private func flush() {
        while written < output.count {
            let result = output.withUnsafeBytes { bytes in
                Result { try socket.write(UnsafeRawBufferPointer(rebasing: bytes[written...])) }
            }
            switch result {
            case .success(.done(let count)):
                written += count
            case .success(.wouldBlock):
                return // the poller calls `writable` when the client has taken some
            case .failure:
                close()
                return
            }
        }
        output.removeAll(keepingCapacity: output.capacity <= 64 * 1024)
        written = 0
        guard state.wrote(partialRequest: parser.hasPartialRequest, at: .now) else { return close() }
        if readDeferred {
            readDeferred = false
            readable()
        } else {
            process() // requests pipelined behind the ones just answered
        }
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        state.close()
        socket.close() // also leaves the poller's set
        worker.closed(self)
    }
}
