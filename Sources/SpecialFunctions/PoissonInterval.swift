extension SpecialFunctions {
    /// The exact (Garwood) central confidence interval for a Poisson mean given
    /// `n` observed counts: lower = Gamma(n) quantile at α/2 (0 for n = 0),
    /// upper = Gamma(n + 1) quantile at 1 − α/2.
    public static func poissonInterval(_ n: Double, confidence: Double = 0.682689492137086) -> (lower: Double, upper: Double) {
        let alpha = 1 - confidence
        let lower = n > 0 ? inverseRegularizedGammaP(n, 0.5 * alpha) : 0
        let upper = inverseRegularizedGammaQ(n + 1, 0.5 * alpha)
        return (lower, upper)
    }
}
