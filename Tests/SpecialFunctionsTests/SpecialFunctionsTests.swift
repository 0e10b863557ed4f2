import Foundation
import SpecialFunctions
import Testing

/// Every function against mpmath (50 digits) and ROOT, from
/// Tests/Fixtures/special-functions/tables.json (made by make_tables.py there).
struct SpecialFunctionsTests {
    struct Table: Decodable {
        struct Case: Decodable {
            var f: String
            var x: [Double]
            var y: Double
        }
        var cases: [Case]
    }

    static let table: Table = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/special-functions/tables.json")
        do {
            return try JSONDecoder().decode(Table.self, from: Data(contentsOf: url))
        } catch {
            return Table(cases: [])
        }
    }()

    static func evaluate(_ name: String, _ x: [Double]) -> Double? {
        typealias F = SpecialFunctions
        switch name {
        case "logGamma": return F.logGamma(x[0])
        case "gammaP": return F.regularizedGammaP(x[0], x[1])
        case "gammaQ": return F.regularizedGammaQ(x[0], x[1])
        case "inverseGammaP": return F.inverseRegularizedGammaP(x[0], x[1])
        case "inverseGammaQ": return F.inverseRegularizedGammaQ(x[0], x[1])
        case "normalQuantile": return F.normalQuantile(x[0])
        case "normalSurvival": return F.normalSurvival(x[0])
        case "chi2Survival": return F.chiSquaredSurvival(x[0], degreesOfFreedom: x[1])
        case "chi2InverseSurvival": return F.chiSquaredInverseSurvival(x[0], degreesOfFreedom: x[1])
        case "incompleteBeta": return F.regularizedIncompleteBeta(x[0], x[1], x[2])
        case "incompleteBetaComplement": return F.regularizedIncompleteBetaComplement(x[0], x[1], x[2])
        case "betaBinomialLogPMF": return F.betaBinomialLogPMF(x[0], n: x[1], alpha: x[2], beta: x[3])
        case "kolmogorovSurvival": return F.kolmogorovSurvival(x[0])
        case "rootKolmogorovProb": return F.rootKolmogorovProb(x[0])
        case "rootProb": return F.rootProb(x[0], degreesOfFreedom: Int(x[1]))
        default: return nil
        }
    }

    @Test func tableIsLoaded() {
        #expect(Self.table.cases.count > 400)
    }

    @Test(arguments: ["logGamma", "gammaP", "gammaQ", "inverseGammaP", "inverseGammaQ", "normalQuantile",
                      "normalSurvival", "chi2Survival", "chi2InverseSurvival", "incompleteBeta",
                      "incompleteBetaComplement", "betaBinomialLogPMF", "kolmogorovSurvival",
                      "rootKolmogorovProb", "rootProb"])
    func matchesReference(function: String) {
        let cases = Self.table.cases.filter { $0.f == function }
        #expect(!cases.isEmpty)
        for c in cases {
            guard let value = Self.evaluate(c.f, c.x) else {
                Issue.record("unknown function \(c.f)")
                continue
            }
            let tolerance = 1e-10 * abs(c.y) + (c.y == 0 ? 1e-300 : 0)
            #expect(abs(value - c.y) <= tolerance, "\(c.f)(\(c.x)) = \(value), expected \(c.y)")
        }
    }

    @Test func tailsReachOneInTenToThe300() {
        let z = SpecialFunctions.normalInverseSurvival(1e-300)
        #expect(abs(SpecialFunctions.normalSurvival(z) / 1e-300 - 1) < 1e-10)
        let x = SpecialFunctions.chiSquaredInverseSurvival(1e-300, degreesOfFreedom: 7)
        #expect(abs(SpecialFunctions.chiSquaredSurvival(x, degreesOfFreedom: 7) / 1e-300 - 1) < 1e-10)
    }

    @Test func garwoodIntervalsMatchKnownValues() {
        // Garwood 68.27 % intervals (scipy chi2.ppf): n = 0 → [0, 1.8410], n = 10 → [6.8913, 14.2670].
        let zero = SpecialFunctions.poissonInterval(0)
        #expect(zero.lower == 0 && abs(zero.upper - 1.8410) < 1e-3)
        let ten = SpecialFunctions.poissonInterval(10)
        #expect(abs(ten.lower - 6.8914) < 1e-3 && abs(ten.upper - 14.2670) < 1e-3)
    }
}
