import Foundation

/// `Tests/Fixtures/dqm/truth.json`: what `make_dqm_runs.py` injected into each run.
public struct Truth: Sendable, Decodable {
    public var seed: Int
    public var runs: [Run]

    public struct Run: Sendable, Decodable {
        public var file: String
        public var run: Int
        public var role: String
        public var anomalies: [Anomaly]
        /// Paths (relative to `DQMData/Run <run>/`) left out of this run.
        public var missing: [String]
        /// Paths present but empty.
        public var empty: [String]
        public var histograms: Int
    }

    public struct Anomaly: Sendable, Decodable {
        public var path: String
        /// dead_region, hot_cells, shift, dead_bins or spike.
        public var type: String
        public var detail: String
    }

    public func run(_ number: Int) -> Run? { runs.first { $0.run == number } }
}

extension Fixtures {
    public static func truth() throws -> Truth {
        try JSONDecoder().decode(Truth.self, from: Data(contentsOf: dqmServerRoot.appendingPathComponent("truth.json")))
    }
}
