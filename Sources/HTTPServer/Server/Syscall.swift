#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: which call, and the `errno` it set.
public struct SystemCallError: Error, CustomStringConvertible, Equatable {
    public let call: String
    public let errno: Int32

    public var description: String { "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))" }
}

/// The outcome of a non-blocking call: a value, or "try again when the descriptor is ready".
enum IOResult<Value> {
    case done(Value)
    case wouldBlock
}

/// Runs a system call that returns -1 and sets `errno` on failure, retrying on EINTR.
/// EAGAIN/EWOULDBLOCK become `.wouldBlock`; every other errno becomes a `SystemCallError` naming `call`.
@inline(__always)
func syscall<T: FixedWidthInteger>(_ call: StaticString, _ body: () -> T) throws(SystemCallError) -> IOResult<T> {
    while true {
        let result = body()
        if result != -1 { return .done(result) }
        let code = errno
        if code == EINTR { continue }
        if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
        throw SystemCallError(call: "\(call)", errno: code)
    }
}

/// `syscall` for calls on blocking paths, where EAGAIN is itself an error.
@inline(__always)
@discardableResult
func syscallBlocking<T: FixedWidthInteger>(_ call: StaticString, _ body: () -> T) throws(SystemCallError) -> T {
    switch try syscall(call, body) {
    case .done(let value): return value
    case .wouldBlock: throw SystemCallError(call: "\(call)", errno: EAGAIN)
    }
}
