public import Histogram

/// ROOT's `Chi2Test` options RelMon chooses between (no `NORM`, no under/overflow).
public enum Chi2Option: String, Sendable, Codable {
    case uu = "UU", uw = "UW", ww = "WW"
}

/// What RelMon does with one pair of histograms: either its pre-checks already decided
/// the rank, or one statistical test must be called, with its arguments in order.
public enum TestPlan: Sendable, Equatable {
    case decided(rank: Double, note: RelMonNote)
    /// `first.Chi2Test(second, option)`; for `UW` the unweighted histogram comes first.
    case chi2(first: Histogram, second: Histogram, option: Chi2Option)
    case kolmogorov(first: Histogram, second: Histogram)
    case binToBin(first: Histogram, second: Histogram)

    /// RelMon's `StatisticalTest.get_rank` pre-checks followed by the test's own
    /// preparation (`utils.py`), for `test` of `first` (the test file's histogram)
    /// against `second` (the reference's).
    public init(test: RelMonTest, first: Histogram, second: Histogram) {
        if first.className != second.className {
            self = .decided(rank: RelMonRank.differentTypes, note: .differentTypes)
            return
        }
        switch (first.hasNoContent, second.hasNoContent) {
        case (true, true): self = .decided(rank: 1, note: .bothEmpty); return
        case (true, false), (false, true): self = .decided(rank: 0, note: .oneEmpty); return
        case (false, false): break
        }
        // RelMon compared only the total number of global bins; we compare every axis, so
        // a 10×20 map is not "the same binning" as a 20×10 one.
        guard first.hasSameBinning(as: second, rangeTolerance: test == .bin2bin ? 1e-6 : nil) else {
            self = .decided(rank: RelMonRank.differentBinning, note: .differentBinning)
            return
        }
        switch test {
        case .ks: self = .kolmogorov(first: first, second: second)
        case .bin2bin: self = .binToBin(first: first, second: second)
        case .chi2: self = Self.chi2Plan(first.relmonAbsoluteValues(), second.relmonAbsoluteValues())
        }
    }

    /// RelMon's Chi2 `do_test` after `absval()`: skip nearly empty histograms, then pick
    /// the option from the weighted/unweighted classification, unweighted first.
    private static func chi2Plan(_ first: Histogram, _ second: Histogram) -> TestPlan {
        // RelMon counted filled bins along X only (the first row of a 2D map); we count all.
        let minimumFilled = 3
        if first.filledBinCount < minimumFilled, second.filledBinCount < minimumFilled {
            return .decided(rank: 1, note: .fewFilledBins)
        }
        switch (first.relmonIsWeighted, second.relmonIsWeighted) {
        case (true, true): return .chi2(first: first, second: second, option: .ww)
        case (false, false): return .chi2(first: first, second: second, option: .uu)
        case (false, true): return .chi2(first: first, second: second, option: .uw)
        case (true, false): return .chi2(first: second, second: first, option: .uw)
        }
    }
}

/// RelMon's negative error ranks (`definitions.py`); any negative rank means NULL.
public enum RelMonRank {
    public static let differentBinning = -103.0
    public static let differentTypes = -104.0
}

extension Histogram {
    /// RelMon's `is_empty`: every global bin, flow bins included, holds exactly 0.
    var hasNoContent: Bool { contents.allSatisfy { $0 == 0 } }

    /// The model's `isWeighted`, without building the list of in-range bins: RelMon asks it
    /// for every pair. The sum runs in the same order (x fastest), so it is the same number.
    var relmonIsWeighted: Bool {
        if isProfile { return true }
        let nx = axes[0].binCount, cellsX = nx + 2
        let ny = axes.count > 1 ? axes[1].binCount : 0, cellsY = axes.count > 1 ? ny + 2 : 1
        let ys = axes.count > 1 ? 1...ny : 0...0, zs = axes.count > 2 ? 1...axes[2].binCount : 0...0
        var sum = 0.0
        contents.withUnsafeBufferPointer { cells in
            for z in zs {
                for y in ys {
                    let row = cellsX * (y + cellsY * z)
                    for x in 1...nx { sum += cells[row + x] }
                }
            }
        }
        return entries != sum
    }

    /// Global bins, flow bins included, with positive content.
    var filledBinCount: Int { contents.reduce(0) { $1 > 0 ? $0 + 1 : $0 } }

    func hasSameBinning(as other: Histogram, rangeTolerance: Double?) -> Bool {
        guard axes.count == other.axes.count else { return false }
        for (mine, theirs) in zip(axes, other.axes) {
            guard mine.binCount == theirs.binCount else { return false }
            if let tolerance = rangeTolerance,
               (mine.lowerEdge - theirs.lowerEdge).magnitude > tolerance
                || (mine.upperEdge - theirs.upperEdge).magnitude > tolerance {
                return false
            }
        }
        return true
    }

    /// RelMon's `absval()`: negative contents become positive, and a non-zero content
    /// with a zero error becomes 0. Each change is a ROOT `SetBinContent`, which also adds
    /// one entry: that is kept, because it turns the histogram "weighted" for the option
    /// choice. On a profile `SetBinContent` writes the bin's *sum* (mean = sum / entries)
    /// and leaves its sum of squares, so the error changes too; that is reproduced for
    /// unit-weight entries. Returns `self` untouched, without copying, when no bin changes.
    func relmonAbsoluteValues() -> Histogram {
        // Without stored variances a bin's variance is |content|: only negatives change.
        let needsChange = variances.map { variances in
            zip(contents, variances).contains { content, variance in content < 0 || (variance == 0 && content != 0) }
        } ?? contents.contains { $0 < 0 }
        guard needsChange else { return self }
        var fixed = contents, fixedVariances = contents.indices.map(variance(atGlobalBin:)), setCalls = 0.0
        for bin in fixed.indices {
            let original = fixed[bin]
            if original < 0 {
                set(bin, to: -original, contents: &fixed, variances: &fixedVariances)
                setCalls += 1
            }
            if fixedVariances[bin] == 0, original != 0 {
                set(bin, to: 0, contents: &fixed, variances: &fixedVariances)
                setCalls += 1
            }
        }
        do {
            return try Histogram(
                className: className, title: title, axes: axes, contents: fixed,
                variances: variances == nil && !isProfile ? nil : fixedVariances,
                binEntries: binEntries, entries: entries + setCalls, moments: moments)
        } catch {
            // Same axes and cell counts as a value that was already valid: cannot happen.
            return self
        }
    }

    /// ROOT's `SetBinContent(bin, value)` as seen through `GetBinContent`/`GetBinError`.
    private func set(_ bin: Int, to value: Double, contents: inout [Double], variances: inout [Double]) {
        guard let entries = binEntries?[bin], entries > 0 else {
            contents[bin] = value
            if self.variances == nil { variances[bin] = value.magnitude }
            return
        }
        // Profile bin with n unit-weight entries: Σy² = n·(n·σ² + mean²) stays, Σy becomes `value`.
        let mean = contents[bin], sumOfSquares = entries * (entries * variances[bin] + mean * mean)
        let newMean = value / entries
        contents[bin] = newMean
        variances[bin] = (sumOfSquares / entries - newMean * newMean).magnitude / entries
    }
}
