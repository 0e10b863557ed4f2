import Dispatch
import Logging
import Synchronization

/// One serial queue with the connections it owns: the server's worker pool is a fixed number of
/// these, so handlers run on at most `workers` threads however many clients connect. A Dispatch
/// read source on the worker's `EventPoller` wakes the queue; a timer source sweeps timeouts.
final class Worker: @unchecked Sendable {
    let queue: DispatchQueue
    let configuration: ServerConfiguration
    /// Scratch space for socket reads, shared by this worker's connections (one reads at a time).
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    private let handler: Handler
    private let logger: Logger
    private let onClose: @Sendable () -> Void
    private let poller: EventPoller
    private var connections: [Int32: Connection] = [:]
    /// Read by connections mid-request, so set from the stopping thread directly.
    private let stopping = Atomic<Bool>(false)
    private let readiness: any DispatchSourceRead
    private let sweeper: any DispatchSourceTimer

    init(index: Int, configuration: ServerConfiguration, handler: @escaping Handler, logger: Logger,
         onClose: @escaping @Sendable () -> Void) throws {
        queue = DispatchQueue(label: "http.worker.\(index)")
        self.configuration = configuration
        self.handler = handler
        self.logger = logger
        self.onClose = onClose
        poller = try EventPoller()
        readiness = DispatchSource.makeReadSource(fileDescriptor: poller.descriptor, queue: queue)
        sweeper = DispatchSource.makeTimerSource(queue: queue)
        let poller = poller
        readiness.setEventHandler { [weak self] in
            guard let self else { return }
            poller.drain { fd, readable, writable in
                guard let connection = self.connections[fd] else { return }
                if readable { connection.readable() }
                if writable { connection.writable() }
            }
        }
        readiness.setCancelHandler { poller.close() }
        readiness.resume()
        let timeouts = configuration.timeouts
        // Checking a few times per shortest timeout keeps expiry within ~25% of its value.
        let interval = min(timeouts.idle, timeouts.read, timeouts.write) / 4
        let milliseconds = max(5, min(1000, Int(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)))
        sweeper.schedule(deadline: .now() + .milliseconds(milliseconds), repeating: .milliseconds(milliseconds))
        sweeper.setEventHandler { [weak self] in
            guard let self else { return }
            let now = ContinuousClock.now
            for connection in connections.values { connection.closeIfExpired(at: now) }
        }
        sweeper.resume()
    }

    deinit {
        sweeper.cancel()
        readiness.cancel()
        readBuffer.deallocate()
    }

    var isStopping: Bool { stopping.load(ordering: .relaxed) }

    func adopt(_ socket: Socket) {
        queue.async { [self] in
            let connection = Connection(socket: socket, worker: self, now: .now)
            connections[socket.descriptor] = connection
            do {
                // Input that arrived before this raises an event at once.
                try poller.add(socket.descriptor)
            } catch {
                logger.error("Cannot watch a connection", metadata: ["error": "\(error)"])
                connection.close()
                return
            }
            if isStopping { connection.stop() }
        }
    }

    func respond(to request: Request) -> Response {
        do {
            return try handler(request)
        } catch {
            logger.error("Unhandled error from handler", metadata: ["error": "\(error)", "path": "\(request.path)"])
            return Response.text("Internal Server Error\n", status: .internalServerError)
        }
    }

    func closed(_ connection: Connection) {
        connections[connection.descriptor] = nil
        onClose()
    }

    /// After the grace period: close whatever is left, busy or not.
    func closeAll() {
        queue.async { [self] in
            for connection in connections.values { connection.close() }
        }
    }

    /// Graceful stop: idle connections close now, busy ones after their current response.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        queue.async { [self] in
            for connection in connections.values { connection.stop() }
        }
    }
}
