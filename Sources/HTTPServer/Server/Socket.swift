#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thin owner of a socket descriptor: the only place that speaks to the kernel about sockets.
/// Not thread-safe by itself: each socket is used from one serial queue at a time.
struct Socket: Sendable {
    let descriptor: Int32

    /// Binds and listens on `host:port` (port 0 lets the kernel choose) as a non-blocking socket.
    static func listen(host: String, port: Int, backlog: Int32) throws -> Socket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw ServerError.addressResolution(host: host, message: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        let fd = try syscallBlocking("socket") {
            socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        let listener = Socket(descriptor: fd)
        do {
            var one: Int32 = 1
            try syscallBlocking("setsockopt(SO_REUSEADDR)") {
                setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            }
            try syscallBlocking("bind") { bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) }
            try syscallBlocking("listen") { Glibc.listen(fd, backlog) }
        } catch {
            listener.close()
            throw error
        }
        return listener
    }

    /// The port the socket is bound to (the kernel's choice when listening on port 0).
    func boundPort() throws -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = try withUnsafeMutablePointer(to: &storage) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                try syscallBlocking("getsockname") { getsockname(descriptor, address, &length) }
            }
        }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafeBytes(of: storage) { Int(UInt16(bigEndian: $0.load(as: sockaddr_in.self).sin_port)) }
        case AF_INET6:
            return withUnsafeBytes(of: storage) { Int(UInt16(bigEndian: $0.load(as: sockaddr_in6.self).sin6_port)) }
        default:
            return 0
        }
    }

    /// Accepts one pending connection as a non-blocking socket with Nagle's delay off.
    func accept() throws(SystemCallError) -> IOResult<Socket> {
        let result = try syscall("accept") { Glibc.accept(descriptor, nil, nil) }
        guard case .done(let fd) = result else { return .wouldBlock }
        // Glibc's module does not export accept4, so flags are set after the fact.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var one: Int32 = 1
        // Responses are written whole; waiting for more bytes would only add latency.
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return .done(Socket(descriptor: fd))
    }

    /// The peer's numeric address (IPv4 or IPv6), or nil if the kernel does not say.
    func peerAddress() -> String? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let known = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &length) }
        }
        guard known == 0 else { return nil }
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        let status = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getnameinfo($0, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
            }
        }
        guard status == 0 else { return nil }
        return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Reads into `buffer`; `.done(0)` is the peer's end of stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallError) -> IOResult<Int> {
        try syscall("read") { Glibc.read(descriptor, buffer.baseAddress, buffer.count) }
    }

    /// Writes as much of `bytes` as the kernel takes now, without raising SIGPIPE.
    func write(_ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> IOResult<Int> {
        try syscall("send") { send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
