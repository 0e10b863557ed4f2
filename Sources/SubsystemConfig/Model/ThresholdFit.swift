/// One `thresholds_fit` family: beta_binomial cuts fitted as `a/n + b²` of the
/// number of reference runs `n` (AutoDQM compare_hists, reference §3.1.5).
public struct ThresholdFit: Sendable, Hashable, Codable {
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

    /// AutoDQM's factor on the fitted chi² cut: the fits used random rather than preceding references.
    public static let chi2Factor = 0.8
    /// The largest pull cut AutoDQM allows.
    public static let maximumPullCut = 36.0

    /// The cuts for `referenceCount` references (at least 1).
    public func cuts(referenceCount: Int) -> (chi2Cut: Double, pullCut: Double) {
        let n = Double(max(referenceCount, 1))
        func fitted(_ parameters: [Double]) -> Double {
            guard parameters.count >= 2 else { return .infinity }
            return parameters[0] / n + parameters[1] * parameters[1]
        }
        return (Self.chi2Factor * fitted(chi2), min(fitted(maxPull), Self.maximumPullCut))
    }
}
