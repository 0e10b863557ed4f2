public import Histogram
public import ROOTIO

extension Histogram {
    /// The model of a stored histogram or profile, with contents and errors as ROOT's
    /// `GetBinContent`/`GetBinError` give them and ROOT's statistics.
    public init(_ record: HistogramRecord) throws(HistogramError) {
        guard record.axes.count >= record.dimension else { throw .invalidDimension(record.axes.count) }
        var axes: [Axis] = []
        axes.reserveCapacity(record.dimension)
        for (index, stored) in record.axes.prefix(record.dimension).enumerated() {
            let labels = stored.labels.isEmpty
                ? stored.labels : stored.labels.filter { (1...stored.binCount).contains($0.key) && !$0.value.isEmpty }
            axes.append(try Axis(
                binCount: stored.binCount, lowerEdge: stored.minimum, upperEdge: stored.maximum,
                variableEdges: stored.edges.isEmpty ? nil : stored.edges, labels: labels, title: stored.title,
                index: index))
        }
        let contents: [Double], variances: [Double]?
        if let profile = record.profile {
            (contents, variances) = ProfileBins.meansAndVariances(record, profile)
        } else {
            contents = record.cells
            variances = record.sumw2.isEmpty ? nil : record.sumw2
        }
        let stored = Self.storedMoments(record)
        try self.init(
            className: record.className, title: record.title, axes: axes, contents: contents,
            variances: variances, binEntries: record.profile?.binEntries, entries: record.entries,
            moments: stored)
        if stored == nil {
            // ROOT's GetStats sums the bins of the displayed ranges, and keeps no x moments
            // for an extendable labelled axis.
            let ranges = record.axes.prefix(record.dimension).map(\.displayedBins)
            var moments = Moments.fromBins(of: self, binRanges: ranges)
            if let x = record.axes.first, x.canExtend, !x.labels.isEmpty {
                moments.firstMoments[0] = 0
                moments.secondMoments[0] = 0
            }
            if let profile = record.profile {
                Self.recomputeValueMoments(&moments, record, profile, bins: bins(in: ranges))
            }
            try self.init(
                className: className, title: title, axes: axes, contents: contents, variances: variances,
                binEntries: binEntries, entries: entries, moments: moments)
        }
    }

    /// TProfile::GetStats sums the stored Σw·v and Σw·v² of the bins, and Σw² (or Σw).
    private static func recomputeValueMoments(
        _ moments: inout Moments, _ record: HistogramRecord, _ profile: ProfileRecord, bins: [Int]
    ) {
        let value = record.dimension
        moments.firstMoments[value] = bins.reduce(0) { $0 + record.cells[$1] }
        moments.secondMoments[value] = record.sumw2.isEmpty ? 0 : bins.reduce(0) { $0 + record.sumw2[$1] }
        let squaredWeights = profile.binSumw2.isEmpty ? profile.binEntries : profile.binSumw2
        moments.sumOfSquaredWeights = bins.reduce(0) { $0 + squaredWeights[$1] }
    }

    /// The stored sums, or nil where ROOT's `GetStats` recomputes them from the bins
    /// (TH1: fTsumw == 0 with entries; profiles: fTsumw == 0; any axis with a display range).
    private static func storedMoments(_ record: HistogramRecord) -> Moments? {
        let ranged = record.axes.prefix(record.dimension).contains { $0.displayedBins != nil }
        let recompute = ranged || record.sumOfWeights == 0 && (record.profile != nil || record.entries > 0)
        if recompute { return nil }
        var first = record.firstMoments, second = record.secondMoments
        if let profile = record.profile {
            first.append(profile.valueMoments.first)
            second.append(profile.valueMoments.second)
        }
        return Moments(
            sumOfWeights: record.sumOfWeights, sumOfSquaredWeights: record.sumOfSquaredWeights,
            firstMoments: first, secondMoments: second)
    }
}

/// Profile bin values and errors as ROOT computes them (hist/hist/src/TProfileHelper.h).
enum ProfileBins {
    static func meansAndVariances(_ record: HistogramRecord, _ profile: ProfileRecord) -> ([Double], [Double]) {
        let count = record.cells.count
        var means = [Double](repeating: 0, count: count), variances = [Double](repeating: 0, count: count)
        for bin in 0..<count {
            let weight = profile.binEntries[bin]
            guard weight != 0 else { continue }
            let sum = record.cells[bin]
            let mean = sum / weight
            means[bin] = mean
            let error = self.error(
                weight: weight, mean: mean,
                sumOfSquares: record.sumw2.isEmpty ? 0 : record.sumw2[bin],
                sumOfSquaredWeights: profile.binSumw2.isEmpty ? nil : profile.binSumw2[bin],
                mode: profile.errorMode)
            variances[bin] = error * error
        }
        return (means, variances)
    }

    /// `GetBinError` of a bin with weight `W != 0`, mean `S/W` and Σw·y² `Q`.
    static func error(weight: Double, mean: Double, sumOfSquares: Double, sumOfSquaredWeights: Double?, mode: Int) -> Double {
        if mode == 3 { return 1 / weight.squareRoot() }  // "g": errors from weights
        // Effective entries: W²/Σw² when Σw² is stored, else W.
        let effective: Double
        if let sumOfSquaredWeights {
            effective = sumOfSquaredWeights > 0 ? weight * weight / sumOfSquaredWeights : 0
        } else {
            effective = weight > 0 ? weight : 0
        }
        let spread = (sumOfSquares / weight - mean * mean).magnitude.squareRoot()
        switch mode {
        case 1: return spread  // "s": the spread itself
        case 2: return spread != 0 ? spread / effective.squareRoot() : 1 / (12 * effective).squareRoot()
        default: return spread / effective.squareRoot()  // "": error on the mean
        }
    }
}
