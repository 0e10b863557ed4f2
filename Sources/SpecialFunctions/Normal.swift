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

    /// Φ⁻¹(p): Wichura's algorithm AS241 (PPND16), rational approximations accurate
    /// to about 1e-16 relative for p down to 1e-300, so no refinement step is needed.
    public static func normalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else {
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return .nan
        }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            // Estrin's scheme: the same polynomials in a shorter chain of dependent operations.
            let r = 0.180625 - q * q, r2 = r * r, r4 = r2 * r2
            let numerator = (3.387132872796366608 + 133.14166789178437745 * r) + r2 * (1971.5909503065514427 + 13731.693765509461125 * r)
                + r4 * ((45921.953931549871457 + 67265.770927008700853 * r) + r2 * (33430.575583588128105 + 2509.0809287301226727 * r))
            let denominator = (1 + 42.313330701600911252 * r) + r2 * (687.1870074920579083 + 5394.1960214247511077 * r)
                + r4 * ((21213.794301586595867 + 39307.89580009271061 * r) + r2 * (28729.085735721942674 + 5226.495278852545925 * r))
            return q * numerator / denominator
        }
        // Tails: work with the smaller of p and 1 − p (exact in binary for p > 0.5).
        let tail = q < 0 ? p : 1 - p
        var r = (-log(tail)).squareRoot()
        let x: Double
        if r <= 5 {
            r -= 1.6
            let numerator = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                + 4.6303378461565452959) * r + 1.42343711074968357734)
            let denominator = (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                + 2.05319162663775882187) * r + 1)
            x = numerator / denominator
        } else {
            r -= 5
            let numerator = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                + 5.4637849111641143699) * r + 6.6579046435011037772)
            let denominator = (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                + 0.59983220655588793769) * r + 1)
            x = numerator / denominator
        }
        return q < 0 ? -x : x
    }

    /// The z with P(Z > z) = q, precise for tiny q.
    public static func normalInverseSurvival(_ q: Double) -> Double {
        -normalQuantile(q)
    }
}
