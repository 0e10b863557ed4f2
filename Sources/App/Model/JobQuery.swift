import Foundation
public import DQMClient

/// One run named the way the DQM repository files it: series (era), sample
/// (primary dataset) and run number.
public struct RunRef: Sendable, Hashable, Codable {
    public var series: String
    public var sample: String
    public var run: Int

    public init(series: String, sample: String, run: Int) {
        self.series = series
        self.sample = sample
        self.run = run
    }
}

/// What a user asks for: one data run compared with one or more reference runs
/// under one subsystem's configuration. Its `path` is the shareable plot URL
/// (AutoDQM's order: references before data), so equal queries share results.
public struct JobQuery: Sendable, Hashable, Codable {
    public var source: String
    public var subsystem: String
    public var data: RunRef
    public var refs: [RunRef]

    public init(source: String, subsystem: String, data: RunRef, refs: [RunRef]) {
        self.source = source
        self.subsystem = subsystem
        self.data = data
        self.refs = refs
    }

    /// The repository folders a query may name, by the name the URL uses.
    public static let sources: [String: DataRoot] = [
        "Offline": .offline, "RelValData": .relvalData, "RelVal": .relvalMC, "Online": .online,
    ]

    /// Checks names and runs, and puts the references in canonical order
    /// (ascending, without repeats) so one set of references has one URL.
    public func validated() throws(QueryError) -> JobQuery {
        guard Self.sources[source] != nil else {
            throw QueryError("unknown source '\(source)'; expected one of \(Self.sources.keys.sorted().joined(separator: ", "))")
        }
        guard Self.isSafeName(subsystem) else { throw QueryError("invalid subsystem name '\(subsystem)'") }
        guard !refs.isEmpty else { throw QueryError("at least one reference run is needed") }
        guard refs.count <= Self.maxReferences else { throw QueryError("at most \(Self.maxReferences) reference runs") }
        for (role, run) in [("data", data)] + refs.map({ ("reference", $0) }) {
            guard ListingEntry.isAllowedName(run.series), ListingEntry.isAllowedName(run.sample) else {
                throw QueryError("invalid \(role) series or sample '\(run.series)/\(run.sample)'")
            }
            guard run.run > 0, run.run < 100_000_000 else { throw QueryError("invalid \(role) run \(run.run)") }
        }
        guard Set(refs.map { [$0.series, $0.sample] }).count == 1 else {
            throw QueryError("reference runs must share one series and sample")
        }
        var query = self
        query.refs = Array(Set(refs)).sorted { $0.run < $1.run }
        return query
    }

    public static let maxReferences = 8

    /// `<source>/<subsystem>/<refSeries>/<refSample>/<refRuns joined by _>/<dataSeries>/<dataSample>/<dataRun>`.
    public var path: String {
        let reference = refs.first ?? data
        return [
            source, subsystem, reference.series, reference.sample, refs.map { String($0.run) }.joined(separator: "_"),
            data.series, data.sample, String(data.run),
        ].joined(separator: "/")
    }

    /// The page that shows this query's plots.
    public var plotURL: String { "/plots/" + path }

    /// Parses the segments of a plot URL after `/plots/`.
    public init(plotPath segments: [String]) throws(QueryError) {
        guard segments.count == 8 else {
            throw QueryError("a plot URL has 8 parts: source/subsystem/refSeries/refSample/refRuns/dataSeries/dataSample/dataRun")
        }
        let refRuns = segments[4].split(separator: "_", omittingEmptySubsequences: false).map { Int($0) }
        guard !refRuns.contains(nil), let dataRun = Int(segments[7]) else {
            throw QueryError("runs must be numbers (references joined by '_')")
        }
        self.init(
            source: segments[0], subsystem: segments[1],
            data: RunRef(series: segments[5], sample: segments[6], run: dataRun),
            refs: refRuns.compactMap { $0 }.map { RunRef(series: segments[2], sample: segments[3], run: $0) })
        self = try validated()
    }

    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "_-".unicodeScalars.contains($0) }
    }
}

/// A query that cannot be run, with the reason shown to the user.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
