#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where and how a `Server` listens.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 lets the kernel choose; `Server.start()` returns the port bound.
    public var port = 8080
    /// Serial worker queues that run parsing and handlers; one per core by default.
    public var workers = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    /// Connections beyond this are answered 503 and closed.
    public var maxConnections = 1024
    public var backlog: Int32 = 1024
    public var limits = HTTPLimits()
    public var timeouts = ConnectionTimeouts()
    /// How long a graceful shutdown waits for in-flight requests before closing everything.
    public var shutdownGrace: Duration = .seconds(10)

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}
