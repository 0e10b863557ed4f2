extension SpecialFunctions {
    /// ln P(k | n, α, β) of the beta-binomial distribution, scipy's `betabinom.logpmf`.
    public static func betaBinomialLogPMF(_ k: Double, n: Double, alpha: Double, beta: Double) -> Double {
        guard k >= 0, k <= n, alpha > 0, beta > 0 else { return -.infinity }
        let logChoose = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1)
        return logChoose + logBeta(k + alpha, n - k + beta) - logBeta(alpha, beta)
    }
}
