import Testing
@testable import HTTPServer

/// The connection state machine with made-up instants: no sockets, no sleeping.
@Suite("Connection state")
struct ConnectionStateTests {
    static let timeouts = ConnectionTimeouts(idle: .seconds(5), read: .seconds(2), write: .seconds(3))
    static let t0 = ContinuousClock.now

    @Test func idleConnectionsExpireAfterTheIdleTimeout() {
        let state = ConnectionState(timeouts: Self.timeouts, now: Self.t0)
        #expect(!state.expired(at: Self.t0 + .seconds(4)))
        #expect(state.expired(at: Self.t0 + .seconds(5)))
    }

    @Test func theReadTimeoutRunsFromTheFirstByteNotTheLast() {
        var state = ConnectionState(timeouts: Self.timeouts, now: Self.t0)
        state.received(partialRequest: true, at: Self.t0 + .seconds(1))
        // A slowloris client keeps sending single bytes; the deadline does not move.
        state.received(partialRequest: true, at: Self.t0 + .milliseconds(2500))
        #expect(!state.expired(at: Self.t0 + .milliseconds(2900)))
        #expect(state.expired(at: Self.t0 + .seconds(3)))
    }

    @Test func keepAliveReturnsToIdleAfterTheResponse() {
        var state = ConnectionState(timeouts: Self.timeouts, now: Self.t0)
        state.received(partialRequest: true, at: Self.t0)
        state.responding(keepAlive: true, at: Self.t0 + .seconds(1))
        #expect(state.phase == .writing(since: Self.t0 + .seconds(1)))
        #expect(state.expired(at: Self.t0 + .seconds(4)))
        let keptOpen = state.wrote(partialRequest: false, at: Self.t0 + .seconds(2))
        #expect(keptOpen)
        #expect(state.phase == .idle(since: Self.t0 + .seconds(2)))
        let keptOpenReading = state.wrote(partialRequest: true, at: Self.t0 + .seconds(3))
        #expect(keptOpenReading)
        #expect(state.phase == .reading(since: Self.t0 + .seconds(3)))
    }

    @Test func closeAfterTheResponseWhenNotKeptAlive() {
        var state = ConnectionState(timeouts: Self.timeouts, now: Self.t0)
        state.responding(keepAlive: false, at: Self.t0)
        state.responding(keepAlive: true, at: Self.t0) // a later pipelined response cannot undo it
        let keptOpen = state.wrote(partialRequest: false, at: Self.t0)
        #expect(!keptOpen)
        #expect(state.phase == .closed)
        #expect(!state.expired(at: Self.t0 + .seconds(100)))
    }

    @Test func stoppingClosesIdleAtOnceAndBusyAfterTheResponse() {
        var idle = ConnectionState(timeouts: Self.timeouts, now: Self.t0)
        let closedAtOnce = idle.stop()
        #expect(closedAtOnce)
        var busy = ConnectionState(timeouts: Self.timeouts, now: Self.t0)
        busy.received(partialRequest: true, at: Self.t0)
        let busyClosedAtOnce = busy.stop()
        #expect(!busyClosedAtOnce)
        busy.responding(keepAlive: true, at: Self.t0)
        let keptOpen = busy.wrote(partialRequest: false, at: Self.t0)
        #expect(!keptOpen)
    }
}
