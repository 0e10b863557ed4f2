import Glibc

/// Special functions used by the statistical comparators, each accurate to
/// about 1e-12 relative over its whole domain (tails included, down to 1e-300),
/// checked against scipy/mpmath tables in the tests.
public enum SpecialFunctions {
    /// ln Γ(x) for x > 0. `lgamma_r` is the thread-safe libm variant (plain
    /// `lgamma` writes the global `signgam`).
    public static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        logGamma(a) + logGamma(b) - logGamma(a + b)
    }
}
