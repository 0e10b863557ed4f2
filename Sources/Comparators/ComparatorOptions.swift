/// The per-histogram configuration, holding AutoDQM's per-entry keys.
///
/// Every threshold is optional: `nil` means the comparator's own default (AutoDQM's),
/// documented on each comparator. The config-file layer maps JSON entries (and
/// AutoDQM's `opts` strings such as `pull_cap=5`) into this value.
public struct ComparatorOptions: Sendable, Equatable, Codable {
    /// pull_values normalisation of data to the reference: whole map, per row, per column.
    public enum NormType: String, Sendable, Codable { case all, row, col }
    /// How pull_values computes Poisson errors.
    public enum PoissonErrors: String, Sendable, Codable {
        /// Exact Garwood central intervals (our default).
        case garwood
        /// AutoDQM's chi2.interval approximation, off by about one count; for compatibility.
        case autodqm
    }

    /// The histogram's path or name: `thresholdsFit` entries match it by substring.
    public var histogramName: String
    /// AutoDQM's subsystem; names starting with "DT" enable its empty-data rule.
    public var subsystem: String?
    public var normType: NormType
    /// 1D beta_binomial range restriction (AutoDQM's `xmin`/`xmax`); ignored for concatenated histograms.
    public var xmin: Double?
    public var xmax: Double?
    /// Sibling histogram names appended bin-wise; the engine resolves them and builds the
    /// inputs with `Concatenation.concatenate`.
    public var concatenate: [String]
    public var pullCap: Double?
    public var chi2Cut: Double?
    public var pullCut: Double?
    public var minEntries: Double?
    /// beta_binomial's relative tolerance on the reference (default 0.01).
    public var tol: Double?
    /// ks_test: flag when the ROOT p-value is below this (default 1e-5, RelMon's threshold).
    public var pValueCut: Double?
    /// Regional detector: flag when the trials-corrected block significance exceeds this (default 5).
    public var regionCut: Double?
    public var poissonErrors: PoissonErrors
    /// AutoDQM's `thresholds_fit`: beta_binomial cuts as a function of the number of references.
    public var thresholdsFit: [ThresholdFit]

    public init(
        histogramName: String = "", subsystem: String? = nil, normType: NormType = .all,
        xmin: Double? = nil, xmax: Double? = nil, concatenate: [String] = [],
        pullCap: Double? = nil, chi2Cut: Double? = nil, pullCut: Double? = nil, minEntries: Double? = nil,
        tol: Double? = nil, pValueCut: Double? = nil, regionCut: Double? = nil,
        poissonErrors: PoissonErrors = .garwood, thresholdsFit: [ThresholdFit] = []
    ) {
        self.histogramName = histogramName
        self.subsystem = subsystem
        self.normType = normType
        self.xmin = xmin
        self.xmax = xmax
        self.concatenate = concatenate
        self.pullCap = pullCap
        self.chi2Cut = chi2Cut
        self.pullCut = pullCut
        self.minEntries = minEntries
        self.tol = tol
        self.pValueCut = pValueCut
        self.regionCut = regionCut
        self.poissonErrors = poissonErrors
        self.thresholdsFit = thresholdsFit
    }

    public static let `default` = ComparatorOptions()
}

/// One `thresholds_fit` entry (reference §3.1.5): beta_binomial cuts fitted as
/// cut(n) = a/n + b² of the number of reference runs n.
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

    /// AutoDQM's compare_hists rule: the last matching entry wins; the chi2 cut is
    /// scaled by 0.8 and the pull cut capped at 36. `nil` when nothing matches.
    public static func cuts(
        for histogramName: String, referenceCount n: Int, in fits: [ThresholdFit]
    ) -> (chi2Cut: Double, pullCut: Double)? {
        guard n > 0, let fit = fits.last(where: { histogramName.contains($0.name) }),
              fit.maxPull.count >= 2, fit.chi2.count >= 2 else { return nil }
        func cut(_ parameters: [Double]) -> Double { parameters[0] / Double(n) + parameters[1] * parameters[1] }
        return (0.8 * cut(fit.chi2), min(cut(fit.maxPull), 36))
    }
}
