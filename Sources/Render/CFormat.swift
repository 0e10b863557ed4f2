#if canImport(Glibc)
import Glibc
#endif

/// printf-style formatting of one number through the C library, for report pages that
/// format thousands of numbers: Foundation's `String(format:)` costs several times more
/// per call, and C's output is what `String(format:)` gives for these conversions.
public enum CFormat {
    /// `value` formatted by a printf `format` with a single double conversion, e.g. `"%.2E"`.
    public static func double(_ value: Double, _ format: StaticString) -> String {
        switch formatted(value, format, capacity: 64) {
        case let .success(text): text
        // Only wide fixed formats of huge numbers need more room.
        case let .failure(needed): (try? formatted(value, format, capacity: needed.count + 1).get()) ?? ""
        }
    }

    private struct Truncated: Error { var count: Int }

    private static func formatted(_ value: Double, _ format: StaticString, capacity: Int) -> Result<String, Truncated> {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            let written = Int(withVaList([value]) { arguments in
                format.withUTF8Buffer { pattern in
                    pattern.withMemoryRebound(to: CChar.self) { vsnprintf(buffer.baseAddress, buffer.count, $0.baseAddress, arguments) }
                }
            })
            guard written >= 0 else { return .success("") }
            guard written < buffer.count else { return .failure(Truncated(count: written)) }
            return .success(String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: written), as: UTF8.self))
        }
    }
}
