import Glibc

extension SpecialFunctions {
    /// The regularized lower incomplete gamma function P(a, x).
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, !x.isNaN else { return .nan }
        if x == 0 { return 0 }
        if x.isInfinite { return 1 }
        return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x)
    }

    /// The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x),
    /// computed directly so that tiny tails keep their relative precision.
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, !x.isNaN else { return .nan }
        if x == 0 { return 1 }
        if x.isInfinite { return 0 }
        return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x)
    }

    /// x^a e^{-x} / Γ(a), the common prefactor, in log space.
    static func logGammaPrefactor(_ a: Double, _ x: Double) -> Double {
        a * log(x) - x - logGamma(a)
    }

    /// Series for P(a, x), convergent for x < a + 1.
    static func gammaSeries(_ a: Double, _ x: Double) -> Double {
        gammaSeriesSum(a, x) * exp(logGammaPrefactor(a, x))
    }

    /// Modified Lentz continued fraction for Q(a, x), convergent for x ≥ a + 1.
    static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
        exp(logGammaPrefactor(a, x)) * gammaFraction(a, x)
    }

    /// P(a, x) divided by the prefactor x^a e^{-x} / Γ(a).
    static func gammaSeriesSum(_ a: Double, _ x: Double) -> Double {
        var denominator = a, term = 1 / a, sum = term
        for _ in 0..<100_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum
    }

    /// Q(a, x) divided by the prefactor x^a e^{-x} / Γ(a).
    static func gammaFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    /// The x with P(a, x) = p (lower tail) — the quantile of Gamma(a, 1).
    public static func inverseRegularizedGammaP(_ a: Double, _ p: Double) -> Double {
        guard a > 0, p >= 0, p <= 1 else { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        return p <= 0.5 ? invertGamma(a, probability: p, upper: false) : invertGamma(a, probability: 1 - p, upper: true)
    }

    /// The x with Q(a, x) = q (upper tail), precise for tiny q.
    public static func inverseRegularizedGammaQ(_ a: Double, _ q: Double) -> Double {
        guard a > 0, q >= 0, q <= 1 else { return .nan }
        if q == 0 { return .infinity }
        if q == 1 { return 0 }
        return q <= 0.5 ? invertGamma(a, probability: q, upper: true) : invertGamma(a, probability: 1 - q, upper: false)
    }

    /// Safeguarded Halley iteration on the logarithm of the tail that holds
    /// `probability` (≤ 0.5): ln P or ln Q is nearly linear where the tail is tiny,
    /// so the residual keeps full relative precision even for 1e-300. From the
    /// Wilson–Hilferty guess two evaluations usually suffice (cubic convergence);
    /// steps that leave the bracket fall back to bisection (geometric once the
    /// bracket is wide).
    static func invertGamma(_ a: Double, probability target: Double, upper: Bool) -> Double {
        let logGammaA = logGamma(a), logTarget = log(target)
        var x = initialGammaGuess(a, probability: target, upper: upper, logGammaA: logGammaA)
        var low = 0.0, high = Double.infinity
        for _ in 0..<300 {
            let logX = log(x)
            let logPrefactor = a * logX - x - logGammaA
            let value = gammaTail(a, x, upper: upper, prefactor: exp(logPrefactor))
            // The upper tail decreases with x, the lower one increases: keep a bracket.
            if upper ? value < target : value > target { high = min(high, x) } else { low = max(low, x) }
            let logValue = log(value)
            // g = ln(tail) − ln(target); g' = ± density / tail, density = prefactor / x.
            let slope = exp(logPrefactor - logX - logValue) * (upper ? -1 : 1)
            let newton = (logValue - logTarget) / slope
            // g''/g' = (ln density)' − g' = (a − 1)/x − 1 − g'.
            let halley = 1 - 0.5 * newton * ((a - 1) / x - 1 - slope)
            let step = halley > 0.5 && halley < 2 ? newton / halley : newton
            // Cubic convergence: a step this small leaves an error far below 1e-16 · x.
            if value > 0, abs(step) <= 1e-6 * x { return x - step }
            var next = x - step
            if !(next > low && next < high) || !next.isFinite || value == 0 {
                if high.isFinite {
                    next = low > 0 && high / low > 4 ? exp(0.5 * (log(low) + log(high))) : 0.5 * (low + high)
                } else {
                    next = 2 * max(x, low) + 1
                }
            }
            if abs(next - x) <= 1e-15 * abs(next) { return next }
            x = next
        }
        return x
    }

    /// P(a, x) (or Q when `upper`) given the prefactor x^a e^{-x} / Γ(a), by the
    /// expansion that converges at x.
    static func gammaTail(_ a: Double, _ x: Double, upper: Bool, prefactor: Double) -> Double {
        if x < a + 1 {
            let p = gammaSeriesSum(a, x) * prefactor
            return upper ? 1 - p : p
        }
        let q = prefactor * gammaFraction(a, x)
        return upper ? q : 1 - q
    }

    static func initialGammaGuess(_ a: Double, probability: Double, upper: Bool, logGammaA: Double) -> Double {
        let lowerP = upper ? 1 - probability : probability
        // Deep lower tail: P(a, x) ≈ x^a e^{-x} / Γ(a + 1) for x ≪ a, off by about
        // x / (a + 1) relative; beyond that Wilson–Hilferty is the closer guess.
        if !upper {
            let small = exp((log(probability) + logGammaA + log(a)) / a)
            if small < (a > 1 ? 0.1 * (a + 1) : 0.5 * a) { return small }
        }
        if a > 1 {
            // Wilson–Hilferty with a normal quantile.
            let z = upper ? -normalQuantile(probability) : normalQuantile(probability)
            let guess = a * pow(1 - 1 / (9 * a) + z / (3 * a.squareRoot()), 3)
            return guess > 0 ? guess : 1e-3
        }
        let t = 1 - a * (0.253 + a * 0.12)
        if lowerP < t { return pow(lowerP / t, 1 / a) }
        let tail = upper ? probability : 1 - lowerP
        return 1 - log(tail / (1 - t))
    }
}
