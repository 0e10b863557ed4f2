/// The life of one connection as a value: what it is doing, since when, and whether it must close.
/// The socket driver reports events; `expired(at:)` tells it when a timeout has run out. Time is
/// passed in, so the machine is tested with made-up instants and no sockets.
struct ConnectionState {
    typealias Instant = ContinuousClock.Instant

    enum Phase: Equatable {
        /// Waiting between requests (keep-alive); the idle timeout runs.
        case idle(since: Instant)
        /// Part of a request has arrived; the read timeout runs from its first byte, so a client
        /// trickling bytes (slowloris) cannot hold the connection open.
        case reading(since: Instant)
        /// A response is being written; the write timeout runs.
        case writing(since: Instant)
        case closed
    }

    let timeouts: ConnectionTimeouts
    private(set) var phase: Phase
    /// Set once a response said `Connection: close`, an error occurred or the server is stopping.
    private(set) var closeAfterWrite = false

    init(timeouts: ConnectionTimeouts, now: Instant) {
        self.timeouts = timeouts
        phase = .idle(since: now)
    }

    /// Bytes arrived; `partialRequest` says whether an incomplete request is now buffered.
    mutating func received(partialRequest: Bool, at now: Instant) {
        switch phase {
        case .idle:
            if partialRequest { phase = .reading(since: now) }
        case .reading:
            if !partialRequest { phase = .idle(since: now) }
        case .writing, .closed:
            break
        }
    }

    /// Responses were queued for writing; `keepAlive` false means the connection ends after them.
    mutating func responding(keepAlive: Bool, at now: Instant) {
        if !keepAlive { closeAfterWrite = true }
        if phase != .closed, !isWriting { phase = .writing(since: now) }
    }

    /// Everything queued was written. Returns whether to keep the connection open.
    mutating func wrote(partialRequest: Bool, at now: Instant) -> Bool {
        guard phase != .closed else { return false }
        if closeAfterWrite {
            phase = .closed
            return false
        }
        phase = partialRequest ? .reading(since: now) : .idle(since: now)
        return true
    }

    /// The server is stopping: idle connections close now (true), busy ones after their response.
    mutating func stop() -> Bool {
        closeAfterWrite = true
        if case .idle = phase {
            phase = .closed
            return true
        }
        return phase == .closed
    }

    mutating func close() {
        phase = .closed
    }

    var isWriting: Bool {
        if case .writing = phase { true } else { false }
    }

    /// Whether a timeout has run out at `now`.
    func expired(at now: Instant) -> Bool {
        switch phase {
        case .idle(let since): now - since >= timeouts.idle
        case .reading(let since): now - since >= timeouts.read
        case .writing(let since): now - since >= timeouts.write
        case .closed: false
        }
    }
}

/// How long a connection may wait in each phase.
public struct ConnectionTimeouts: Sendable {
    /// Between requests on a kept-alive connection.
    public var idle: Duration
    /// From the first byte of a request to its last.
    public var read: Duration
    /// For a response to be taken by the client.
    public var write: Duration

    public init(idle: Duration = .seconds(15), read: Duration = .seconds(10), write: Duration = .seconds(30)) {
        self.idle = idle
        self.read = read
        self.write = write
    }
}
