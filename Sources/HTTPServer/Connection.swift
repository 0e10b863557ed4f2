import Dispatch

/// Drives one accepted socket: reads into the parser, answers each request through the worker's
/// responder, writes responses in order (pipelining) and closes on `ConnectionState`'s word.
/// Every member is touched only on its worker's serial queue.
final class Connection: @unchecked Sendable {
    private let socket: Socket
    private unowned let worker: Worker
    private var parser: RequestParser
    private var state: ConnectionState
    private var output: [UInt8] = []
    private var written = 0
    private let readSource: any DispatchSourceRead
    private let writeSource: any DispatchSourceWrite
    private var readSuspended = false
    private var writeSuspended = true
    /// Sources not yet cancelled; the descriptor closes when both are (Dispatch's rule).
    private var liveSources = 2

    init(socket: Socket, worker: Worker, now: ContinuousClock.Instant) {
        self.socket = socket
        self.worker = worker
        parser = RequestParser(limits: worker.configuration.limits)
        state = ConnectionState(timeouts: worker.configuration.timeouts, now: now)
        readSource = DispatchSource.makeReadSource(fileDescriptor: socket.descriptor, queue: worker.queue)
        writeSource = DispatchSource.makeWriteSource(fileDescriptor: socket.descriptor, queue: worker.queue)
    }

    var descriptor: Int32 { socket.descriptor }

    func start() {
        let release: @Sendable () -> Void = { [unowned self] in
            liveSources -= 1
            if liveSources == 0 {
                socket.close()
                worker.closed(self)
            }
        }
        readSource.setEventHandler { [unowned self] in readable() }
        readSource.setCancelHandler(handler: release)
        writeSource.setEventHandler { [unowned self] in flush() }
        writeSource.setCancelHandler(handler: release)
        readSource.resume()
    }

    /// Closes now if idle; otherwise after the response in progress.
    func stop() {
        if state.stop() { close() }
    }

    func closeIfExpired(at now: ContinuousClock.Instant) {
        if state.expired(at: now) { close() }
    }

    private func readable() {
        let buffer = worker.readBuffer
        while true {
            switch Result(catching: { try socket.read(into: buffer) }) {
            case .success(.done(0)), .failure:
                close()
                return
            case .success(.done(let count)):
                parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                if count < buffer.count { return process() }
            case .success(.wouldBlock):
                return process()
            }
        }
    }

    /// Answers every complete request buffered, then writes the responses in one go.
    private func process() {
        let now = ContinuousClock.now
        var keepAlive = true
        while keepAlive {
            do {
                guard case .request(let request) = try parser.next() else { break }
                let response = worker.respond(to: request)
                keepAlive = request.keepAlive && !worker.isStopping
                ResponseSerializer.append(response, to: &output, headOnly: request.method == "HEAD",
                                          keepAlive: keepAlive, date: HTTPDate.now())
            } catch {
                keepAlive = false
                let response = Response.text("\(error.status): \(error.message)\n", status: error.status)
                ResponseSerializer.append(response, to: &output, headOnly: false, keepAlive: false, date: HTTPDate.now())
            }
        }
        if output.isEmpty {
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
                // Back-pressure: stop reading until the client takes what it asked for.
                setReading(false)
                setWriting(true)
                return
            case .failure:
                close()
                return
            }
        }
        output.removeAll(keepingCapacity: output.capacity <= 64 * 1024)
        written = 0
        setWriting(false)
        guard state.wrote(partialRequest: parser.hasPartialRequest, at: .now) else { return close() }
        setReading(true)
        process() // requests pipelined behind the ones just answered
    }

    private func setReading(_ on: Bool) {
        guard on == readSuspended else { return }
        readSuspended = !on
        on ? readSource.resume() : readSource.suspend()
    }

    private func setWriting(_ on: Bool) {
        guard on == writeSuspended else { return }
        writeSuspended = !on
        on ? writeSource.resume() : writeSource.suspend()
    }

    func close() {
        guard !readSource.isCancelled else { return }
        state.close()
        readSource.cancel()
        writeSource.cancel()
        // A suspended source never delivers its cancellation.
        setReading(true)
        setWriting(true)
    }
}
