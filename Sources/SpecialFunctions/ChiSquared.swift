import Glibc

extension SpecialFunctions {
    /// P(χ²_k > x): the upper tail of the chi-square distribution with `k` degrees of freedom.
    public static func chiSquaredSurvival(_ x: Double, degreesOfFreedom k: Double) -> Double {
        guard k > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        if k == 1 { return erfc((0.5 * x).squareRoot()) }
        return regularizedGammaQ(0.5 * k, 0.5 * x)
    }

    /// P(χ²_k ≤ x).
    public static func chiSquaredCDF(_ x: Double, degreesOfFreedom k: Double) -> Double {
        guard k > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 0 }
        return regularizedGammaP(0.5 * k, 0.5 * x)
    }

    /// The x with P(χ²_k ≤ x) = p.
    public static func chiSquaredQuantile(_ p: Double, degreesOfFreedom k: Double) -> Double {
        guard k > 0 else { return .nan }
        if k == 1, p >= 0.5 { return pow(normalQuantile(0.5 + 0.5 * p), 2) }
        return 2 * inverseRegularizedGammaP(0.5 * k, p)
    }

    /// The x with P(χ²_k > x) = q (scipy's `chi2.isf`), precise for tiny q.
    public static func chiSquaredInverseSurvival(_ q: Double, degreesOfFreedom k: Double) -> Double {
        guard k > 0 else { return .nan }
        if k == 1 { return pow(normalQuantile(0.5 * q), 2) }
        return 2 * inverseRegularizedGammaQ(0.5 * k, q)
    }

    /// ROOT's `TMath::Prob(chi2, ndf)`: 0 for ndf ≤ 0 or chi2 < 0, 1 for chi2 = 0.
    public static func rootProb(_ chi2: Double, degreesOfFreedom ndf: Int) -> Double {
        if ndf <= 0 { return 0 }
        if chi2 <= 0 { return chi2 < 0 ? 0 : 1 }
        return chiSquaredSurvival(chi2, degreesOfFreedom: Double(ndf))
    }
}
