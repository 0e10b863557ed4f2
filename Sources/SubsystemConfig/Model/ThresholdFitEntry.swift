/// One `thresholds_fit` family as written: beta_binomial cuts fitted as `a/n + b²`
/// of the number of reference runs `n`, for histograms whose name contains `name`
/// (reference §3.1.5). The cuts themselves are computed by the Comparators module
/// (`ThresholdFit.cuts`), which this plain value is handed to.
public struct ThresholdFitEntry: Sendable, Hashable, Codable {
    /// Matched as a substring of the histogram name.
    public var name: String
    /// `param_MaxPull`: `[a, b]` (a third value is accepted and unused, as in AutoDQM).
    public var maxPull: [Double]
    /// `param_Chi2`: `[a, b]`.
    public var chi2: [Double]

    public init(name: String, maxPull: [Double], chi2: [Double]) {
        self.name = name
        self.maxPull = maxPull
        self.chi2 = chi2
    }
}
