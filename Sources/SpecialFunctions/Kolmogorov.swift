import Glibc

extension SpecialFunctions {
    /// ROOT's `TMath::KolmogorovProb(z)`, reproduced operation by operation
    /// (including its truncated constant and its cut to 0 above 6.8116) so that
    /// `ks_test` returns ROOT's numbers. Use `kolmogorovSurvival` for the exact value.
    public static func rootKolmogorovProb(_ z: Double) -> Double {
        let fj = [-2.0, -8.0, -18.0, -32.0]
        let w = 2.50662827
        // c1 = −π²/8, c2 = 9·c1, c3 = 25·c1
        let c1 = -1.2337005501361697, c2 = -11.103304951225528, c3 = -30.842513753404244
        let u = abs(z)
        if u < 0.2 { return 1 }
        if u < 0.755 {
            let v = 1 / (u * u)
            return 1 - w * (exp(c1 * v) + exp(c2 * v) + exp(c3 * v)) / u
        }
        if u < 6.8116 {
            var r = [0.0, 0.0, 0.0, 0.0]
            let v = u * u
            let maxj = max(1, Int((3 / u).rounded(.toNearestOrAwayFromZero)))
            for j in 0..<maxj { r[j] = exp(fj[j] * v) }
            return 2 * (r[0] - r[1] + r[2] - r[3])
        }
        return 0
    }

    /// The exact Kolmogorov survival function P(K > z) (scipy's `kstwobign.sf`).
    public static func kolmogorovSurvival(_ z: Double) -> Double {
        guard !z.isNaN else { return .nan }
        if z <= 0 { return 1 }
        if z < 1 {
            // Jacobi-theta form of the CDF converges fast for small z.
            let v = -Double.pi * Double.pi / (8 * z * z)
            var sum = 0.0
            for k in stride(from: 1, through: 41, by: 2) {
                let term = exp(Double(k * k) * v)
                sum += term
                if term < 1e-20 * sum { break }
            }
            return 1 - (2 * Double.pi).squareRoot() / z * sum
        }
        var sum = 0.0, sign = 1.0
        for k in 1...100 {
            let term = exp(-2 * Double(k * k) * z * z)
            sum += sign * term
            if term < 1e-18 * abs(sum) { break }
            sign = -sign
        }
        return 2 * sum
    }
}
