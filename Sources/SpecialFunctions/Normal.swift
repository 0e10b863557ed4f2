import Glibc

extension SpecialFunctions {
    /// P(Z > z) for a standard normal Z.
    public static func normalSurvival(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }

    /// P(Z ≤ z) for a standard normal Z.
    public static func normalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// Φ⁻¹(p): Acklam's rational approximation (1e-9) polished by one Halley
    /// step on `erfc` (cubic convergence: full double precision, tails included).
    public static func normalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else {
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return .nan
        }
        // Work in the lower half for precision; reflect for the upper half.
        if p > 0.5 { return -normalQuantile(1 - p) }
        var x = acklamLowerHalf(p)
        do {
            let error = normalCDF(x) - p
            let u = error * (2 * Double.pi).squareRoot() * exp(0.5 * x * x)
            x -= u / (1 + 0.5 * x * u)
        }
        return x
    }

    /// The z with P(Z > z) = q, precise for tiny q.
    public static func normalInverseSurvival(_ q: Double) -> Double {
        -normalQuantile(q)
    }

    /// Acklam's coefficients written into the expressions, so that no call builds arrays.
    static func acklamLowerHalf(_ p: Double) -> Double {
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            let numerator = ((((-7.784894002430293e-03 * q + -3.223964580411365e-01) * q + -2.400758277161838e+00) * q
                + -2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00
            let denominator = (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1
            return numerator / denominator
        }
        let q = p - 0.5, r = q * q
        let numerator = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r + -2.759285104469687e+02) * r
            + 1.383577518672690e+02) * r + -3.066479806614716e+01) * r + 2.506628277459239e+00) * q
        let denominator = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r + -1.556989798598866e+02) * r
            + 6.680131188771972e+01) * r + -1.328068155288572e+01) * r + 1
        return numerator / denominator
    }
}
