import Histogram
import TestSupport

/// The four fixture runs decoded once for every test in this target.
enum GoldenRuns {
    struct Loaded: Sendable {
        var data: [String: Histogram]
        /// 315000, 315100, 315200 in that order.
        var references: [[String: Histogram]]
        var pairs: PairsGolden
        var truth: Truth
    }

    static let loaded: Result<Loaded, any Error> = Result {
        Loaded(
            data: try FixtureHistograms.load(run: Fixtures.dataRun),
            references: try Fixtures.referenceRuns.map { try FixtureHistograms.load(run: $0) },
            pairs: try Fixtures.pairsGolden(),
            truth: try Fixtures.truth())
    }

    static func get() throws -> Loaded { try loaded.get() }
}

/// ROOT agreement: 1e-8 relative, or 1e-12 absolute near 0.
func agreesWithROOT(_ value: Double, _ expected: Double?) -> Bool {
    guard let expected else { return !value.isFinite }
    return abs(value - expected) <= max(1e-8 * abs(expected), 1e-12)
}

/// AutoDQM agreement: its numbers are rounded to 2 decimals.
func agreesToTwoDecimals(_ value: Double?, _ expected: Double?) -> Bool {
    guard let value, let expected else { return value == nil && expected == nil }
    return abs(value - expected) <= 0.005 + 1e-9
}
