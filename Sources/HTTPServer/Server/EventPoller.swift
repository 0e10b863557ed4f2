import CEpoll
#if canImport(Glibc)
import Glibc
#endif

/// An epoll readiness set (edge-triggered) over one worker's connections. The worker watches
/// the poller's own descriptor with one Dispatch read source, so a single wake-up of the worker
/// queue serves every connection that became ready, instead of one Dispatch hop per socket.
struct EventPoller {
    /// Most events taken per `epoll_wait`; more are taken in further calls.
    static let batchSize = 256

    let descriptor: Int32
    private let events: UnsafeMutableBufferPointer<epoll_event>

    init() throws(SystemCallError) {
        descriptor = try syscallBlocking("epoll_create1") { epoll_create1(Int32(EPOLL_CLOEXEC)) }
        events = .allocate(capacity: Self.batchSize)
    }

    /// Watches `fd` for input, output and hang-up, edge-triggered: the owner reads and writes
    /// until EAGAIN and is told again only when something new happens.
    func add(_ fd: Int32) throws(SystemCallError) {
        var event = epoll_event()
        event.events = EPOLLIN.rawValue | EPOLLOUT.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue
        event.data.fd = fd
        try syscallBlocking("epoll_ctl(ADD)") { epoll_ctl(descriptor, EPOLL_CTL_ADD, fd, &event) }
    }

    /// Calls `handle(fd, readable, writable)` for every ready descriptor, without blocking.
    func drain(_ handle: (Int32, Bool, Bool) -> Void) {
        let readMask = EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue
        while true {
            let count = epoll_wait(descriptor, events.baseAddress, Int32(events.count), 0)
            guard count > 0 else { return } // 0: nothing ready; -1 (EINTR): the source fires again
            for event in events[0..<Int(count)] {
                handle(event.data.fd, event.events & readMask != 0, event.events & EPOLLOUT.rawValue != 0)
            }
            if Int(count) < events.count { return }
        }
    }

    func close() {
        events.deallocate()
        _ = Glibc.close(descriptor)
    }
}
