#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@preconcurrency import Dispatch
public import Logging
import Synchronization

/// A request handler. Thrown `HTTPError`s become error responses in `ErrorMiddleware`; anything
/// that escapes every middleware becomes a bare 500.
public typealias Handler = @Sendable (Request) throws -> Response

/// An HTTP/1.1 server on a listening socket: a Dispatch read source accepts, a fixed pool of
/// `Worker`s serves the connections, and `shutdown()` drains gracefully.
///
///     var router = Router()
///     router.get("/runs/{run}") { request in .html(try page(for: request.parameters["run"])) }
///     router.get("/static/{path...}", try StaticFiles(root: "Public").handler())
///     let handler = chain([RequestIDMiddleware(), AccessLogMiddleware(logger: logger),
///                          ErrorMiddleware(logger: logger)], router.handler)
///     try Server(configuration: ServerConfiguration(host: "0.0.0.0", port: 8080), handler: handler).run()
///
/// Handlers run synchronously on the worker queues: keep them short (answer from caches, hand
/// long work to a job queue) so one slow request does not hold up the worker's other clients.
public final class Server: Sendable {
    public let configuration: ServerConfiguration
    private let logger: Logger
    private let workers: [Worker]
    private let acceptQueue = DispatchQueue(label: "http.accept")
    private let listening = Mutex<(socket: Socket, source: any DispatchSourceRead)?>(nil)
    private let openConnections: ConnectionCount

    /// Throws if the workers' event pollers cannot be created (out of descriptors).
    public init(configuration: ServerConfiguration, logger: Logger = Logger(label: "http"), handler: @escaping Handler) throws {
        self.configuration = configuration
        self.logger = logger
        let count = ConnectionCount()
        openConnections = count
        workers = try (0..<max(1, configuration.workers)).map {
            try Worker(index: $0, configuration: configuration, handler: handler, logger: logger) { count.decrement() }
        }
    }

    /// The number of connections open now.
    public var connectionCount: Int { openConnections.value }

    /// Starts listening and accepting; returns the bound port.
    @discardableResult
    public func start() throws -> Int {
        let socket = try Socket.listen(host: configuration.host, port: configuration.port, backlog: configuration.backlog)
        let port = try socket.boundPort()
        let source = DispatchSource.makeReadSource(fileDescriptor: socket.descriptor, queue: acceptQueue)
        var next = 0
        source.setEventHandler { [self] in acceptPending(on: socket, roundRobin: &next) }
        source.setCancelHandler { socket.close() }
        listening.withLock { $0 = (socket, source) }
        source.resume()
        logger.info("Listening", metadata: ["host": "\(configuration.host)", "port": "\(port)"])
        return port
    }

    /// Graceful stop: no new connections, idle ones closed, in-flight requests finished (up to
    /// `shutdownGrace`), then everything closed. Blocks until done.
    public func shutdown() {
        let wasListening = listening.withLock { current -> Bool in
            guard let (_, source) = current else { return false }
            source.cancel()
            current = nil
            return true
        }
        guard wasListening else { return }
        acceptQueue.sync {} // the accept handler has finished; no connection is handed out after this
        workers.forEach { $0.stop() }
        let deadline = ContinuousClock.now + configuration.shutdownGrace
        while openConnections.value > 0 && ContinuousClock.now < deadline {
            usleep(5_000)
        }
        if openConnections.value > 0 {
            logger.warning("Closing connections still open after the shutdown grace period",
                           metadata: ["open": "\(openConnections.value)"])
            workers.forEach { $0.closeAll() }
            while openConnections.value > 0 { usleep(1_000) }
        }
        logger.info("Stopped")
    }

    /// Starts, serves until SIGTERM or SIGINT, then shuts down gracefully. `onListening` gets
    /// the bound port once the server accepts connections.
    public func run(onListening: (Int) -> Void = { _ in }) throws {
        // Dispatch sources see the signals only while their default action is off.
        let previous = [SIGTERM, SIGINT].map { ($0, signal($0, SIG_IGN)) }
        defer { for (number, handler) in previous { signal(number, handler) } }
        let received = DispatchSemaphore(value: 0)
        let sources = previous.map { number, _ in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { received.signal() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        onListening(try start())
        received.wait()
        logger.info("Signal received, shutting down")
        shutdown()
    }

    private func acceptPending(on listener: Socket, roundRobin next: inout Int) {
        // A bounded batch per event keeps one burst from starving the other sources.
        for _ in 0..<256 {
            let accepted: IOResult<Socket>
            do {
                accepted = try listener.accept()
            } catch {
                logger.error("accept failed", metadata: ["error": "\(error)"])
                if error.errno == EMFILE || error.errno == ENFILE {
                    // Out of descriptors: the listener stays readable, so pause instead of spinning.
                    pauseAccepting()
                }
                return
            }
            switch accepted {
            case .wouldBlock:
                return
            case .done(let socket):
                guard openConnections.increment(limit: configuration.maxConnections) else {
                    reject(socket)
                    continue
                }
                workers[next].adopt(socket)
                next = (next + 1) % workers.count
            }
        }
    }

    private func pauseAccepting() {
        guard let source = listening.withLock({ $0?.source }) else { return }
        source.suspend()
        acceptQueue.asyncAfter(deadline: .now() + .milliseconds(100)) { source.resume() }
    }

    /// Over the connection cap: a short 503 and close, without involving a worker.
    private func reject(_ socket: Socket) {
        var bytes: [UInt8] = []
        let response = Response.text("Server busy, retry later\n", status: .serviceUnavailable)
        var withRetry = response
        withRetry.headers.add("Retry-After", "1")
        ResponseSerializer.append(withRetry, to: &bytes, headOnly: false, keepAlive: false, date: HTTPDate.now())
        _ = bytes.withUnsafeBytes { try? socket.write($0) }
        socket.close()
    }
}

/// Open connections, shared by the accept path (increments) and workers (decrements).
final class ConnectionCount: Sendable {
    private let count = Atomic<Int>(0)

    var value: Int { count.load(ordering: .relaxed) }

    /// Counts one more connection unless `limit` are already open.
    func increment(limit: Int) -> Bool {
        if count.add(1, ordering: .relaxed).newValue > limit {
            count.subtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    func decrement() {
        count.subtract(1, ordering: .relaxed)
    }
}
