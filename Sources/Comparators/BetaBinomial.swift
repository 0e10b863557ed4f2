import Glibc
import SpecialFunctions

/// AutoDQM's beta-binomial multi-reference test (plugins/beta_binomial.py),
/// on flat arrays of counts. See `BetaBinomialComparator` for the full rule.
public enum BetaBinomial {
    public struct Pulls: Sendable, Equatable {
        /// Signed pull per bin.
        public var pulls: [Double]
        /// The probability-weighted reference, scaled to the data's total.
        public var weightedReference: [Double]
        /// Bins where data plus every reference is non-zero.
        public var binsUsed: Int
        /// Σ pull², summed in bin order (as `pulls.reduce`), and the extreme pulls
        /// (0 with no bins): gathered while the pulls are made, not in passes of their own.
        public var sumOfSquares = 0.0, highest = 0.0, lowest = 0.0
    }

    /// Per-bin pulls of `data` against `references` (integer counts). References of
    /// another length or with no entries are ignored, as AutoDQM drops them; with none
    /// left every pull is 0.
    public static func pulls(data: [Double], references allReferences: [[Double]], tol: Double) -> Pulls {
        let references = allReferences.filter { $0.count == data.count && $0.reduce(0, +) > 0 }
        return pulls(data: data, total: data.reduce(0, +), references: references, totals: references.map { $0.reduce(0, +) }, tol: tol)
    }

    /// `pulls(data:references:tol:)` with the totals known and every reference kept
    /// (same length as `data`, total > 0).
    static func pulls(data: [Double], total nD: Double, references: [[Double]], totals: [Double], tol: Double) -> Pulls {
        var result = Pulls(
            pulls: [Double](repeating: 0, count: data.count), weightedReference: [Double](repeating: 0, count: data.count), binsUsed: 0)
        guard !references.isEmpty else { return result }
        if references.count == 1 {
            singleReferencePulls(data, references[0], nD: nD, nR: totals[0], tol: tol, &result)
        } else {
            multiReferencePulls(data, references, nD: nD, totals: totals, tol: tol, &result)
        }
        return result
    }

    /// One reference: its weight is 1, so the expected count is r/nR·nD and the
    /// mean likelihood is the likelihood itself.
    private static func singleReferencePulls(
        _ data: [Double], _ reference: [Double], nD: Double, nR: Double, tol: Double, _ result: inout Pulls
    ) {
        var binsUsed = 0
        var summary = PullSummary()
        // Histograms repeat (d, r) pairs (a quarter of the bins of both small and large
        // ones): a memo of the pull per pair, exact since nD, nR and tol are fixed here.
        var memo = PullMemo(bins: data.count)
        result.pulls.withUnsafeMutableBufferPointer { pulls in
            result.weightedReference.withUnsafeMutableBufferPointer { weighted in
                for bin in data.indices {
                    let d = data[bin], r = reference[bin]
                    if d + r != 0 { binsUsed += 1 }
                    let expected = r / nR * nD
                    weighted[bin] = expected
                    let pull = d == expected ? 0 : memo.pull(d, r) {
                        let magnitude = pullMagnitude(probability: relativeLikelihood(d: d, nD: nD, r: r, nR: nR, tol: tol))
                        return d > expected ? magnitude : -magnitude
                    }
                    pulls[bin] = pull
                    summary.add(pull)
                }
            }
        }
        result.binsUsed = binsUsed
        summary.store(in: &result)
    }

    /// Several references: likelihood-weighted expected count, likelihoods averaged.
    private static func multiReferencePulls(
        _ data: [Double], _ references: [[Double]], nD: Double, totals: [Double], tol: Double, _ result: inout Pulls
    ) {
        var likelihoods = [Double](repeating: 0, count: references.count)
        var binsUsed = 0
        var summary = PullSummary()
        for bin in data.indices {
            let d = data[bin]
            var referenceSum = 0.0, likelihoodSum = 0.0
            for j in references.indices {
                let r = references[j][bin]
                referenceSum += r
                let likelihood = max(relativeLikelihood(d: d, nD: nD, r: r, nR: totals[j], tol: tol), 1e-300)
                likelihoods[j] = likelihood
                likelihoodSum += likelihood
            }
            if d + referenceSum != 0 { binsUsed += 1 }
            var expected = 0.0
            for j in references.indices {
                expected += references[j][bin] / totals[j] * likelihoods[j] / likelihoodSum
            }
            expected *= nD
            result.weightedReference[bin] = expected
            let magnitude = pullMagnitude(probability: likelihoodSum / Double(references.count))
            let pull = d > expected ? magnitude : (d < expected ? -magnitude : 0)
            result.pulls[bin] = pull
            summary.add(pull)
        }
        result.binsUsed = binsUsed
        summary.store(in: &result)
    }

    /// P(d)/P(mode) under the beta-binomial posterior predictive of the reference,
    /// with AutoDQM's tolerance scaling of the reference counts.
    public static func relativeLikelihood(d: Double, nD: Double, r: Double, nR: Double, tol: Double) -> Double {
        let scaled = r * tol * tol
        let s = 1 / (1 + scaled * scaled).squareRoot()
        let rs = roundedHalfEven(r * s), nRs = roundedHalfEven(nR * s)
        let alpha = rs + 1, beta = nRs - rs + 1
        let e = nD * r / nR
        let nearest = roundedHalfEven(e)
        let up = min(nearest < e ? nearest + 1 : nearest, nD), down = max(nearest > e ? nearest - 1 : nearest, 0)
        if d == up && d == down { return 1 }
        // ln P(k) up to terms that do not depend on k.
        func logP(_ k: Double) -> Double {
            SpecialFunctions.logGamma(k + alpha) + SpecialFunctions.logGamma(nD - k + beta)
                - SpecialFunctions.logGamma(k + 1) - SpecialFunctions.logGamma(nD - k + 1)
        }
        // P(k+1)/P(k) = (n−k)(k+α) / ((k+1)(n−k−1+β)); the mode is `up` when this exceeds 1.
        let upNumerator = up == down ? 1 : (nD - down) * (down + alpha)
        let upDenominator = up == down ? 1 : (down + 1) * (nD - down - 1 + beta)
        if abs(d - down) <= 24 {
            // Near the mode a product of consecutive pmf ratios replaces eight lgamma calls.
            // Numerators and denominators (each factor ≥ 1) are multiplied apart, folded
            // into the ratio before they could overflow: one division instead of one a step.
            var ratio = 1.0, numerator = 1.0, denominator = 1.0, k = down
            @inline(__always) func foldBeforeOverflow() {
                if _slowPath(numerator > 1e150 || denominator > 1e150) {
                    ratio *= numerator / denominator
                    (numerator, denominator) = (1, 1)
                }
            }
            // One loop per direction: no direction test per step.
            while k < d {
                numerator *= (nD - k) * (k + alpha)
                denominator *= (k + 1) * (nD - k - 1 + beta)
                k += 1
                foldBeforeOverflow()
            }
            while k > d {
                numerator *= k * (nD - k + beta)
                denominator *= (nD - k + 1) * (k - 1 + alpha)
                k -= 1
                foldBeforeOverflow()
            }
            // P(d)/P(mode) with a single division.
            if upNumerator > upDenominator { (numerator, denominator) = (numerator * upDenominator, denominator * upNumerator) }
            return min(1, ratio * (numerator / denominator))
        }
        let logDown = logP(down)
        let logMax = logDown + max(0, log(upNumerator / upDenominator))
        let logD = logP(d)
        if logD >= logMax { return 1 }
        return exp(logD - logMax)
    }

    /// |z| with two-sided normal tail probability p: sqrt(χ²₁.isf(p)), p floored at 1e-300.
    public static func pullMagnitude(probability p: Double) -> Double {
        let clamped = max(p, 1e-300)
        if clamped >= 1 { return 0 }
        return -SpecialFunctions.normalQuantile(0.5 * clamped)
    }

    /// AutoDQM's look-elsewhere-corrected maximum pull (the paper's Z′max): each
    /// extreme pull is converted to a p-value, corrected for `trials` bins, and
    /// back; the side with the larger corrected magnitude wins.
    public static func correctedMaxPull(_ pulls: [Double], trials: Int) -> Double {
        guard let high = pulls.max(), let low = pulls.min() else { return 0 }
        return correctedMaxPull(highest: high, lowest: low, trials: trials)
    }

    /// `correctedMaxPull` from the extreme pulls alone.
    public static func correctedMaxPull(highest high: Double, lowest low: Double, trials: Int) -> Double {
        guard trials > 0 else { return 0 }
        let n = Double(trials)
        func corrected(_ z: Double) -> Double {
            let capped = min(abs(z), 37)
            let p = erfc(capped / 2.0.squareRoot())
            let pN = n * p < 0.01 ? n * p : 1 - pow(1 - p, n)
            let magnitude = pullMagnitude(probability: pN)
            return z < 0 ? -magnitude : magnitude
        }
        let correctedHigh = corrected(high), correctedLow = corrected(low)
        return abs(correctedLow) > abs(correctedHigh) ? correctedLow : correctedHigh
    }
}

/// Σ pull² and the extreme pulls, folded bin by bin as `reduce`, `max()` and `min()`
/// would (same order, same comparisons; pulls are never NaN), so the scores do not change.
private struct PullSummary {
    private var sumOfSquares = 0.0, highest = -Double.infinity, lowest = Double.infinity

    @inline(__always) mutating func add(_ pull: Double) {
        sumOfSquares += pull * pull
        if highest < pull { highest = pull }
        if pull < lowest { lowest = pull }
    }

    /// Extremes of 0 when no pull was added (no bins).
    func store(in result: inout BetaBinomial.Pulls) {
        result.sumOfSquares = sumOfSquares
        (result.highest, result.lowest) = highest >= lowest ? (highest, lowest) : (0, 0)
    }
}

/// `x.rounded(.toNearestOrEven)` for the non-negative values here: adding and removing
/// 2^52 leaves no fraction bits and the default rounding mode breaks ties to even,
/// without the libm call that baseline x86-64 needs for `rounded`.
@inline(__always) func roundedHalfEven(_ x: Double) -> Double {
    let noFraction = 4_503_599_627_370_496.0
    return x >= 0 && x < noFraction ? (x + noFraction) - noFraction : x.rounded(.toNearestOrEven)
}

/// Pulls already computed for (data, reference) count pairs of one histogram pair: an
/// open-addressing table (linear probing) keyed by both counts packed in 64 bits, sized
/// to twice the bins (at most 2^16 slots) and never filled beyond half, so every probe
/// sequence ends at an empty slot. Non-integer or huge counts bypass it.
struct PullMemo {
    private static let empty = UInt64.max
    private static let maximumBits = 16
    /// Key and pull bit pattern side by side: one cache line per probe.
    private var slots: [UInt64]
    private let shift: UInt64
    private let mask: Int
    private var freeSlots: Int

    init(bins: Int) {
        let wanted = max(2 * bins, 16)
        let bits = min(Int.bitWidth - (wanted - 1).leadingZeroBitCount, Self.maximumBits)
        slots = [UInt64](repeating: Self.empty, count: 2 << bits)
        shift = UInt64(64 - bits)
        mask = (1 << bits) - 1
        freeSlots = 1 << (bits - 1)
    }

    /// The memoised pull of (d, r), or `compute()`'s, remembered while there is room.
    @inline(__always)
    mutating func pull(_ d: Double, _ r: Double, orCompute compute: () -> Double) -> Double {
        guard let high = UInt32(exactly: d), let low = UInt32(exactly: r), high != .max else { return compute() }
        let key = UInt64(high) << 32 | UInt64(low)
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let stored = slots[2 * slot]
            if stored == key { return Double(bitPattern: slots[2 * slot + 1]) }
            if stored == Self.empty { break }
            slot = (slot + 1) & mask
        }
        let pull = compute()
        if freeSlots > 0 {
            freeSlots -= 1
            slots[2 * slot] = key
            slots[2 * slot + 1] = pull.bitPattern
        }
        return pull
    }
}
