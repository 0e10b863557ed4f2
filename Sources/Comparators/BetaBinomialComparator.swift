public import Histogram

/// `beta_binomial`: AutoDQM's production comparator, 1D, 2D and 3D, one or many references.
///
/// Contents are clamped at 0 and rounded (half to even, as numpy); references with
/// a different binning or no entries are dropped. Per bin and reference the
/// relative beta-binomial likelihood of the data count is computed with the
/// reference scaled by the tolerance `tol` (default 0.01); the likelihoods are
/// averaged over references and turned into a two-sided pull, signed against the
/// probability-weighted reference. Scores: `chi2` = Σ pull² / bins used,
/// `maxPull` = look-elsewhere-corrected extreme pull. Flagged when the data has
/// at least `minEntries` (default 1) and chi2 > `chi2Cut` or |maxPull| > `pullCut`
/// (defaults 10/10, or AutoDQM's `thresholds_fit` for the number of references).
/// 1D histograms can be restricted to [`xmin`, `xmax`]. For DT 2D maps
/// (`subsystem` starting with "DT") the chi2 is AutoDQM's hot-bin-suppressed,
/// rebinned statistic (`DTRebinning`). Profiles are rejected:
/// their bin means are not counts.
public struct BetaBinomialComparator: Comparator {
    public static let name = "beta_binomial"
    public init() {}

    public func compare(data: Histogram, references: [Histogram], options: ComparatorOptions) -> Comparison {
        guard !references.isEmpty else { return .notApplicable(name, .missingReference) }
        guard !data.isProfile else { return .notApplicable(name, .unsupportedType) }
        guard !Binning.hasNonFiniteContent(data), !references.contains(where: Binning.hasNonFiniteContent) else {
            return .notApplicable(name, .notFinite)
        }
        let compatible = references.filter { !$0.isProfile && Binning.isCompatible(data, $0) }
        guard !compatible.isEmpty else { return .notApplicable(name, .incompatibleBinning) }

        var (dataCounts, dataEntries) = counts(data)
        var referenceCounts: [[Double]] = [], referenceEntries: [Double] = []
        for reference in compatible {
            let (counts, entries) = counts(reference)
            guard entries > 0 else { continue }
            referenceCounts.append(counts)
            referenceEntries.append(entries)
        }
        guard !referenceCounts.isEmpty else { return .notApplicable(name, .emptyReference) }
        var kept = dataCounts.indices
        if data.dimension == 1, options.concatenate.isEmpty, let range = restrictedRange(data, dataCounts, referenceCounts, options) {
            kept = range
            dataCounts = Array(dataCounts[range])
            dataEntries = dataCounts.reduce(0, +)
            referenceCounts = referenceCounts.map { Array($0[range]) }.filter { $0.reduce(0, +) > 0 }
            referenceEntries = referenceCounts.map { $0.reduce(0, +) }
            if referenceCounts.isEmpty { return .notApplicable(name, .emptyReference) }
        }

        let cuts = ThresholdFit.cuts(for: options.histogramName, referenceCount: references.count, in: options.thresholdsFit)
        let chi2Cut = options.chi2Cut ?? cuts?.chi2Cut ?? 10
        let pullCut = options.pullCut ?? cuts?.pullCut ?? 10
        let entriesText = "data entries \(Int(dataEntries)), reference entries " + rangeText(referenceEntries)

        guard dataEntries > 0 else {
            // AutoDQM flags an empty DT plot whose references are not empty; we report
            // every empty data histogram as such, shown when its references have entries.
            let dtRule = options.subsystem?.hasPrefix("DT") ?? false
            return Comparison(
                comparator: name, status: dtRule ? .flagged : .notApplicable(.emptyData),
                scores: ["dataEntries": 0], show: true, info: "data histogram is empty; " + entriesText)
        }

        let result = BetaBinomial.pulls(
            data: dataCounts, total: dataEntries, references: referenceCounts, totals: referenceEntries, tol: options.tol ?? 0.01)
        var chi2 = result.binsUsed > 0 ? result.sumOfSquares / Double(result.binsUsed) : 0
        if options.subsystem?.hasPrefix("DT") == true, data.dimension == 2, kept.count == dataCounts.count, result.binsUsed > 0 {
            chi2 = DTRebinning.chi2(
                pulls: result.pulls, nx: data.xAxis.binCount, ny: data.yAxis?.binCount ?? 1, binsUsed: result.binsUsed)
        }
        let maxPull = BetaBinomial.correctedMaxPull(highest: result.highest, lowest: result.lowest, trials: result.binsUsed)
        let outlier = dataEntries >= (options.minEntries ?? 1) && (chi2 > chi2Cut || abs(maxPull) > pullCut)
        return Comparison(
            comparator: name, status: outlier ? .flagged : .ok,
            scores: [
                "chi2": chi2, "maxPull": maxPull, "dataEntries": dataEntries, "binsUsed": Double(result.binsUsed),
                "references": Double(referenceCounts.count), "chi2Cut": chi2Cut, "pullCut": pullCut,
                "pullCap": options.pullCap ?? 10,
            ],
            info: "chi2 = \(formatted(chi2)), max pull = \(formatted(maxPull)), " + entriesText,
            drawables: drawables(data, kept: kept, result),
            displayedBins: data.dimension == 1 && options.concatenate.isEmpty
                ? Self.displayedBins(kept: kept, data: dataCounts, references: referenceCounts, binCount: data.xAxis.binCount) : nil)
    }

    /// AutoDQM's 1D drawing range: the kept window and, beyond 20 bins, without the bins
    /// empty in data and every reference at either end, keeping one empty bin as a margin
    /// and at least 21 bins. In-range bin numbers (1-based); `nil` when nothing is cut.
    static func displayedBins(kept: Range<Int>, data: [Double], references: [[Double]], binCount: Int) -> ClosedRange<Int>? {
        guard !data.isEmpty else { return nil }
        var low = 0, high = data.count - 1
        let isFilled = { (bin: Int) in data[bin] != 0 || references.contains { $0[bin] != 0 } }
        if data.count > 20, let first = data.indices.first(where: isFilled), let last = data.indices.last(where: isFilled) {
            high = max(min(last + 1, data.count - 1), 20)
            low = min(max(first - 1, 0), high - 20)
        }
        let shown = (kept.lowerBound + low + 1)...(kept.lowerBound + high + 1)
        return shown == 1...binCount ? nil : shown
    }

    /// In-range counts as AutoDQM sees them (negatives clamped, rounded half to even)
    /// and their total, summed in bin order in the same pass.
    private func counts(_ histogram: Histogram) -> (counts: [Double], total: Double) {
        var counts = Binning.clampedInRangeContents(histogram)
        var total = 0.0
        counts.withUnsafeMutableBufferPointer { counts in
            for bin in counts.indices {
                counts[bin] = roundedHalfEven(counts[bin])
                total += counts[bin]
            }
        }
        return (counts, total)
    }

    /// AutoDQM's `xmin`/`xmax` window on a 1D histogram (more than 3 bins): the bins
    /// lying within it, unless that leaves the data or every reference empty.
    private func restrictedRange(
        _ data: Histogram, _ dataCounts: [Double], _ referenceCounts: [[Double]], _ options: ComparatorOptions
    ) -> Range<Int>? {
        guard options.xmin != nil || options.xmax != nil, data.xAxis.binCount > 3 else { return nil }
        let edges = data.xAxis.edges
        var low = 0, high = dataCounts.count
        if let xmin = options.xmin, xmin < edges[edges.count - 2], let first = edges.firstIndex(where: { $0 >= xmin }) {
            low = first
        }
        if let xmax = options.xmax, xmax > edges[1], let last = edges.lastIndex(where: { $0 <= xmax }) {
            high = min(last, dataCounts.count)
        }
        guard low < high else { return nil }
        let range = low..<high
        let dataEmpty = dataCounts[range].reduce(0, +) == 0
        let referencesEmpty = referenceCounts.allSatisfy { $0[range].reduce(0, +) == 0 }
        return dataEmpty || referencesEmpty ? nil : range
    }

    /// The pulls and the weighted reference over every in-range bin (0 outside `kept`).
    private func drawables(_ data: Histogram, kept: Range<Int>, _ result: BetaBinomial.Pulls) -> [Drawable] {
        let binCount = data.axes.reduce(1) { $0 * $1.binCount }
        var pulls = result.pulls, reference = result.weightedReference
        if kept != 0..<binCount {
            pulls = [Double](repeating: 0, count: binCount)
            reference = pulls
            pulls.replaceSubrange(kept, with: result.pulls)
            reference.replaceSubrange(kept, with: result.weightedReference)
        }
        return [
            Binning.histogram(like: data, className: "TH\(data.dimension)D", inRangeValues: pulls).map { Drawable(role: .pulls, histogram: $0) },
            Binning.histogram(like: data, className: data.className, inRangeValues: reference).map { Drawable(role: .reference, histogram: $0) },
        ].compactMap { $0 }
    }
}

/// "n" or "min - max", as AutoDQM writes reference entries.
func rangeText(_ values: [Double]) -> String {
    guard let low = values.min(), let high = values.max() else { return "none" }
    return low == high ? "\(Int(low))" : "\(Int(low)) - \(Int(high))"
}
