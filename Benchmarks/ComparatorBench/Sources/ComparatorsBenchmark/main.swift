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
//   ComparatorsBenchmark [--repeat N] [--only name,name] [--dump FILE] DATA.root REFERENCE.root
//
// `--dump FILE` also writes every comparison (scores bit for bit, info, a checksum of the
// drawn histograms), one line each: dumps of two builds must be identical when an
// optimisation changes no result.

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...(index + 1)) }
    return arguments[index + 1]
}
let repetitions = option("--repeat").flatMap { Int($0) } ?? 3
var selected = Comparators.all
if let list = option("--only") { selected = list.split(separator: ",").compactMap { Comparators.named(String($0)) } }
let dumpPath = option("--dump")
guard arguments.count == 2, !selected.isEmpty else {
    print("usage: ComparatorsBenchmark [--repeat N] [--only name,name] [--dump FILE] DATA.root REFERENCE.root")
    exit(2)
}

/// "DQMData/Run 315705/..." → "...", so pairs match across runs.
func runRelative(_ path: String) -> String {
    let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
    return parts.count == 3 && parts[1].hasPrefix("Run ") ? String(parts[2]) : path
}

/// The histograms of both files, keyed by run-relative path: both files are listed at
/// once, then every histogram of either file is read on whichever worker is free.
func readBoth(_ paths: [String]) throws -> [[String: Histogram]] {
    let listings = Slots<(ROOTFile, [ListedKey])>(count: paths.count)
    let failures = Slots<any Error>(count: paths.count)
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
        do {
            let file = try ROOTFile(path: paths[index])
            listings.set(index, (file, try file.listAllKeys().filter { ROOTClass(className: $0.key.className).isHistogram }))
        } catch {
            failures.set(index, error)
        }
    }
    if let failure = failures.get(0) ?? failures.get(1) { throw failure }
    let files = (0..<paths.count).compactMap { listings.get($0) }
    // Work items (file, key) over both files, interleaved so both are read at once.
    let work = files.enumerated().flatMap { file, listing in listing.1.indices.map { (file, $0) } }
        .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    let read = Slots<Histogram>(count: work.count)
    DispatchQueue.concurrentPerform(iterations: work.count) { index in
        let (file, key) = work[index]
        if case let .histogram(_, _, histogram)? = try? files[file].0.entry(files[file].1[key]) { read.set(index, histogram) }
    }
    var histograms = [[String: Histogram]](repeating: [:], count: files.count)
    for (index, (file, key)) in work.enumerated() {
        if let histogram = read.get(index) { histograms[file][runRelative(files[file].1[key].path)] = histogram }
    }
    return histograms
}

/// Results written by concurrent workers, one slot each: every slot is written by one
/// worker and read after all have finished, so no lock is needed.
final class Slots<T>: @unchecked Sendable {
    private let values: UnsafeMutableBufferPointer<T?>
    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: nil)
    }
    deinit {
        values.deinitialize()
        values.deallocate()
    }
    func set(_ index: Int, _ value: T) { values[index] = value }
    func get(_ index: Int) -> T? { values[index] }
}

struct Tally {
    var pairs = 0
    var comparisons = 0
    var flagged = 0
    var perComparator: [String: Double] = [:]
    /// With `--dump`: one line per comparison, in path and comparator order.
    var dump: [String] = []
}

/// A comparison as one line that differs whenever any result differs.
@Sendable func dumpLine(path: String, _ comparison: Comparison) -> String {
    let scores = comparison.scores.sorted { $0.key < $1.key }
        .map { "\($0.key)=\(String($0.value.bitPattern, radix: 16))" }.joined(separator: " ")
    var checksum: UInt64 = 14_695_981_039_346_656_037
    for drawable in comparison.drawables {
        for value in drawable.histogram.contents + (drawable.histogram.variances ?? []) {
            checksum = (checksum ^ value.bitPattern) &* 1_099_511_628_211
        }
    }
    return "\(path)\t\(comparison.comparator)\t\(comparison.status)\t\(comparison.show)\t\(scores)\t\(comparison.info)"
        + "\t\(comparison.drawables.map { "\($0.role):\($0.histogram.className)" })\t\(String(checksum, radix: 16))"
}

@MainActor func runAll(dataPath: String, referencePath: String, timeEach: Bool, dump: Bool = false) throws -> Tally {
    let both = try readBoth([dataPath, referencePath])
    let (data, references) = (both[0], both[1])
    let paths = data.keys.filter { references[$0] != nil }.sorted()
    let results = Slots<(flagged: Int, times: [Double], lines: [String])>(count: paths.count)
    let comparators = selected
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
        guard let d = data[paths[index]], let r = references[paths[index]] else { return }
        var flagged = 0
        var times: [Double] = [], lines: [String] = []
        for comparator in comparators {
            let start = timeEach ? DispatchTime.now().uptimeNanoseconds : 0
            let comparison = comparator.compare(data: d, references: [r], options: .default)
            if comparison.flagged { flagged += 1 }
            if timeEach { times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
            if dump { lines.append(dumpLine(path: paths[index], comparison)) }
        }
        results.set(index, (flagged, times, lines))
    }
    var tally = Tally(pairs: paths.count)
    for index in paths.indices {
        guard let result = results.get(index) else { continue }
        tally.comparisons += comparators.count
        tally.flagged += result.flagged
        for (comparator, time) in zip(comparators, result.times) { tally.perComparator[comparator.name, default: 0] += time }
        tally.dump += result.lines
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
    let profile = try runAll(dataPath: arguments[0], referencePath: arguments[1], timeEach: true, dump: dumpPath != nil)
    if let dumpPath { try profile.dump.map { $0 + "\n" }.joined().write(toFile: dumpPath, atomically: true, encoding: .utf8) }
    print("CPU time per comparator (summed over threads):")
    for (name, time) in profile.perComparator.sorted(by: { $0.value > $1.value }) {
        print(String(format: "  %-14@ %7.3f s", name as NSString, time))
    }
} catch {
    print("error: \(error)")
    exit(1)
}
