import Dispatch
import Foundation
import Comparators
import Histogram
import HistogramIO
import ROOTIO

// Reads a data and a reference DQM file and runs every registered comparator (or the
// named ones) on every histogram pair, pairs spread over all cores; reading included.
// Best of N.
//
//   ComparatorsBenchmark [--repeat N] [--only name,name] DATA.root REFERENCE.root

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...(index + 1)) }
    return arguments[index + 1]
}
let repetitions = option("--repeat").flatMap { Int($0) } ?? 3
var selected = Comparators.all
if let list = option("--only") { selected = list.split(separator: ",").compactMap { Comparators.named(String($0)) } }
guard arguments.count == 2, !selected.isEmpty else {
    print("usage: ComparatorsBenchmark [--repeat N] [--only name,name] DATA.root REFERENCE.root")
    exit(2)
}

/// "DQMData/Run 315705/..." → "...", so pairs match across runs.
func runRelative(_ path: String) -> String {
    let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
    return parts.count == 3 && parts[1].hasPrefix("Run ") ? String(parts[2]) : path
}

/// Every histogram of a file keyed by run-relative path, read concurrently.
func readHistograms(_ path: String) throws -> [String: Histogram] {
    let file = try ROOTFile(path: path)
    let listed = try file.listAllKeys().filter { ROOTClass(className: $0.key.className).isHistogram }
    let slots = Slots<Histogram>(count: listed.count)
    DispatchQueue.concurrentPerform(iterations: listed.count) { index in
        if case let .histogram(_, _, histogram)? = try? file.entry(listed[index]) { slots.set(index, histogram) }
    }
    var histograms: [String: Histogram] = [:]
    for (index, key) in listed.enumerated() {
        if let histogram = slots.get(index) { histograms[runRelative(key.path)] = histogram }
    }
    return histograms
}

/// Results written by concurrent workers, one slot each.
final class Slots<T>: @unchecked Sendable {
    private var values: [T?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) { lock.withLock { values[index] = value } }
    func get(_ index: Int) -> T? { lock.withLock { values[index] } }
}

struct Tally {
    var pairs = 0
    var comparisons = 0
    var flagged = 0
    var perComparator: [String: Double] = [:]
}

@MainActor func runAll(dataPath: String, referencePath: String, timeEach: Bool) throws -> Tally {
    let data = try readHistograms(dataPath)
    let references = try readHistograms(referencePath)
    let paths = data.keys.filter { references[$0] != nil }.sorted()
    let results = Slots<(flagged: Int, times: [Double])>(count: paths.count)
    let comparators = selected
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
        guard let d = data[paths[index]], let r = references[paths[index]] else { return }
        var flagged = 0
        var times: [Double] = []
        for comparator in comparators {
            let start = timeEach ? DispatchTime.now().uptimeNanoseconds : 0
            if comparator.compare(data: d, references: [r], options: .default).flagged { flagged += 1 }
            if timeEach { times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        }
        results.set(index, (flagged, times))
    }
    var tally = Tally(pairs: paths.count)
    for index in paths.indices {
        guard let result = results.get(index) else { continue }
        tally.comparisons += comparators.count
        tally.flagged += result.flagged
        for (comparator, time) in zip(comparators, result.times) { tally.perComparator[comparator.name, default: 0] += time }
    }
    return tally
}

do {
    var times: [Double] = []
    var tally = Tally()
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        tally = try runAll(dataPath: arguments[0], referencePath: arguments[1], timeEach: false)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    print(String(format: "%@ on %d pairs, reading included: %.3f s (%d comparisons, %d flagged; runs: %@)",
                 selected.map { $0.name }.joined(separator: ", ") as NSString, tally.pairs, times.min() ?? 0, tally.comparisons, tally.flagged,
                 times.map { String(format: "%.3f", $0) }.joined(separator: " ") as NSString))
    let profile = try runAll(dataPath: arguments[0], referencePath: arguments[1], timeEach: true)
    print("CPU time per comparator (summed over threads):")
    for (name, time) in profile.perComparator.sorted(by: { $0.value > $1.value }) {
        print(String(format: "  %-14@ %7.3f s", name as NSString, time))
    }
} catch {
    print("error: \(error)")
    exit(1)
}
