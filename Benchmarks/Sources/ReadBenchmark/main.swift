import Dispatch
import Foundation
import Histogram
import HistogramIO
import ROOTIO

// Reads every histogram of the given ROOT files into the shared model, and, as the
// anchor, times inflating the same stored bytes alone (read from disk beforehand).
//
//   ReadBenchmark [--repeat N] [--no-anchor] FILE...
//
// --no-anchor skips the anchor, which holds every stored payload in memory, so that the
// peak RSS (`/usr/bin/time -v`) is that of reading alone.

var arguments = Array(CommandLine.arguments.dropFirst())
var repetitions = 3
let anchor = !arguments.contains("--no-anchor")
arguments.removeAll { $0 == "--no-anchor" }
if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count {
    repetitions = Int(arguments[index + 1]) ?? 3
    arguments.removeSubrange(index...(index + 1))
}
guard !arguments.isEmpty else {
    print("usage: ReadBenchmark [--repeat N] [--no-anchor] FILE...")
    exit(2)
}

/// Wall-clock and CPU (user + system, all threads) seconds spent in `body`. The machine is
/// shared, so CPU time is the steadier figure; both are reported.
func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let cpuStart = cpuSeconds(), start = DispatchTime.now().uptimeNanoseconds
    try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpuSeconds() - cpuStart)
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func best(_ label: String, repetitions: Int, _ body: () throws -> Int) rethrows {
    var runs: [(wall: Double, cpu: Double)] = []
    var count = 0
    for _ in 0..<repetitions { runs.append(try measure { count = try body() }) }
    let wall = runs.map(\.wall).min() ?? 0, cpu = runs.map(\.cpu).min() ?? 0
    let padded = label.padding(toLength: 44, withPad: " ", startingAt: 0)
    print(String(format: "%@ wall %7.3f s  cpu %7.3f s  (%d objects, %.1f µs cpu each; wall runs: %@)",
                 padded, wall, cpu, count, cpu / Double(max(count, 1)) * 1e6,
                 runs.map { String(format: "%.3f", $0.wall) }.joined(separator: " ")))
}

/// Opening, listing every key and reading every histogram into a `Histogram`, one thread.
func readAll(_ paths: [String]) throws -> Int {
    var count = 0
    for path in paths {
        let file = try ROOTFile(path: path)
        for listed in try file.listAllKeys() where ROOTClass(className: listed.key.className).isHistogram {
            if case .histogram = try file.entry(listed) { count += 1 }
        }
    }
    return count
}

/// The same, with the histograms of each file read concurrently from one `ROOTFile`.
func readAllConcurrently(_ paths: [String]) throws -> Int {
    var count = 0
    for path in paths {
        let file = try ROOTFile(path: path)
        let listed = try file.listAllKeys().filter { ROOTClass(className: $0.key.className).isHistogram }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: listed.count) { index in
            do { _ = try file.entry(listed[index]) } catch { failures.record(error) }
        }
        if let error = failures.first { throw error }
        count += listed.count
    }
    return count
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []
    func record(_ error: any Error) { lock.withLock { errors.append(error) } }
    var first: (any Error)? { lock.withLock { errors.first } }
}

/// The anchor: every histogram key's stored bytes, read up front, then only inflated.
func storedPayloads(_ paths: [String]) throws -> [(bytes: [UInt8], objectBytes: Int)] {
    var payloads: [(bytes: [UInt8], objectBytes: Int)] = []
    for path in paths {
        let file = try ROOTFile(path: path)
        for listed in try file.listAllKeys() where ROOTClass(className: listed.key.className).isHistogram {
            payloads.append((try file.storedBytes(of: listed.key), listed.key.objectBytes))
        }
    }
    return payloads
}

do {
    let sizes = arguments.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
    print("files: \(arguments.count), \(sizes.reduce(0, +) / 1_000_000) MB; best of \(repetitions)")
    try best("read every histogram (1 thread)", repetitions: repetitions) { try readAll(arguments) }
    try best("read every histogram (concurrent)", repetitions: repetitions) { try readAllConcurrently(arguments) }
    guard anchor else { exit(0) }
    let payloads = try storedPayloads(arguments)
    let compressed = payloads.filter { $0.bytes.count != $0.objectBytes }
    print("stored: \(payloads.map(\.bytes.count).reduce(0, +)) bytes, \(compressed.count) compressed objects inflating to \(compressed.map(\.objectBytes).reduce(0, +)) bytes")
    try best("anchor: inflate the same stored bytes only", repetitions: repetitions) {
        for payload in compressed { _ = try BlockDecompressor.decompress(payload.bytes, objectBytes: payload.objectBytes) }
        return compressed.count
    }
} catch {
    print("error: \(error)")
    exit(1)
}
