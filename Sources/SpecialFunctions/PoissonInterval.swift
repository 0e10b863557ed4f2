extension SpecialFunctions {
    /// The exact (Garwood) central confidence interval for a Poisson mean given
    /// `n` observed counts: lower = Gamma(n) quantile at α/2 (0 for n = 0),
    /// upper = Gamma(n + 1) quantile at 1 − α/2.
    public static func poissonInterval(_ n: Double, confidence: Double = 0.682689492137086) -> (lower: Double, upper: Double) {
        (poissonLowerLimit(n, confidence: confidence), poissonUpperLimit(n, confidence: confidence))
    }

    /// The lower end of `poissonInterval`, alone (one Gamma inversion).
    public static func poissonLowerLimit(_ n: Double, confidence: Double = 0.682689492137086) -> Double {
        n > 0 ? inverseRegularizedGammaP(n, 0.5 * (1 - confidence)) : 0
    }

    /// The upper end of `poissonInterval`, alone (one Gamma inversion).
    public static func poissonUpperLimit(_ n: Double, confidence: Double = 0.682689492137086) -> Double {
        inverseRegularizedGammaQ(n + 1, 0.5 * (1 - confidence))
    }
}
