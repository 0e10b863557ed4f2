import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes whole files with plain POSIX calls.
///
/// Foundation's `Data.write` syncs every file to disk; a report writes
/// thousands of plots that are cheap to regenerate, so the sync is skipped.
func writeFile(_ text: String, to url: URL) throws {
    var text = text
    try text.withUTF8 { bytes in try writeFile(UnsafeRawBufferPointer(bytes), to: url) }
}

func writeFile(_ data: Data, to url: URL) throws {
    try data.withUnsafeBytes { bytes in try writeFile(bytes, to: url) }
}

private func writeFile(_ bytes: UnsafeRawBufferPointer, to url: URL) throws(EngineError) {
    func failure() -> EngineError { .cannotWrite(file: url.path, reason: String(cString: strerror(errno))) }
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw failure() }
    defer { close(descriptor) }
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
        let written = write(descriptor, base + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            throw failure()
        }
        offset += written
    }
}
