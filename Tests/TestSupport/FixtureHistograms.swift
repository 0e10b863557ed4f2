public import Histogram

/// The histograms of a fixture run's golden, keyed by path relative to
/// `DQMData/Run <run>/` (the form `truth.json` and `pairs.golden.json` use).
public enum FixtureHistograms {
    public static func load(run: Int) throws -> [String: Histogram] {
        let dump = try Fixtures.dqmGolden(run)
        let prefix = "DQMData/Run \(run)/"
        var histograms: [String: Histogram] = [:]
        for entry in dump.histograms {
            let path = entry.path.hasPrefix(prefix) ? String(entry.path.dropFirst(prefix.count)) : entry.path
            histograms[path] = try entry.histogram()
        }
        return histograms
    }
}
