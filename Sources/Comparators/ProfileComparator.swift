public import Histogram
import SpecialFunctions

/// `profile`: TProfile and TProfile2D compared as bin means with their errors
/// (AutoDQM drops profiles). Bins count when both sides have at least
/// `minEntries` (default 5) entries and a non-zero error, so that error
/// estimates from one or two entries cannot fake significance. With several
/// references the most compatible one is used (the data need only match one
/// good run). Scores: `chi2PerNdf`, `pValue`, `maxPull` (look-elsewhere
/// corrected), `ndf`. Flagged when |maxPull| > `pullCut` (default 5) or
/// chi2/ndf > `chi2Cut` (default 3).
public struct ProfileComparator: Comparator {
    public static let name = "profile"
    public init() {}

    public func compare(data: Histogram, references: [Histogram], options: ComparatorOptions) -> Comparison {
        guard data.isProfile else { return .notApplicable(name, .unsupportedType) }
        if let problem = Binning.problem(data: data, references: references, dimensions: 1...2) {
            return .notApplicable(name, problem)
        }
        if data.isEmpty { return .notApplicable(name, .emptyData) }
        let minEntries = options.minEntries ?? 5
        let candidates = references.filter { !$0.isEmpty }.map { pulls(data, $0, minEntries: minEntries) }
        guard let best = candidates.min(by: { $0.chi2PerNdf < $1.chi2PerNdf }) else {
            return .notApplicable(name, .emptyReference)
        }
        guard !best.pulls.isEmpty else {
            return Comparison(comparator: name, status: .ok, scores: ["ndf": 0], info: "no bin with enough entries on both sides")
        }
        let ndf = best.pulls.count
        let maxPull = BetaBinomial.correctedMaxPull(best.pulls, trials: ndf)
        let pValue = SpecialFunctions.chiSquaredSurvival(best.chi2PerNdf * Double(ndf), degreesOfFreedom: Double(ndf))
        let flagged = abs(maxPull) > (options.pullCut ?? 5) || best.chi2PerNdf > (options.chi2Cut ?? 3)
        return Comparison(
            comparator: name, status: flagged ? .flagged : .ok,
            scores: ["chi2PerNdf": best.chi2PerNdf, "pValue": pValue, "maxPull": maxPull, "ndf": Double(ndf)],
            info: "means: chi2/ndf = \(formatted(best.chi2PerNdf)) over \(ndf) bins, max pull = \(formatted(maxPull))")
    }

    private func pulls(_ data: Histogram, _ reference: Histogram, minEntries: Double) -> (pulls: [Double], chi2PerNdf: Double) {
        var pulls: [Double] = []
        if let entries1 = data.binEntries, let entries2 = reference.binEntries {
            CellBuffers.with(data, reference) { c1, c2 in
                data.forEachInRangeRow { start, length in
                    for bin in start..<(start + length) where entries1[bin] >= minEntries && entries2[bin] >= minEntries {
                        let variance = c1.variance(bin) + c2.variance(bin)
                        guard variance > 0 else { continue }
                        pulls.append((c1.contents[bin] - c2.contents[bin]) / variance.squareRoot())
                    }
                }
            }
        }
        let chi2 = pulls.reduce(0) { $0 + $1 * $1 }
        return (pulls, pulls.isEmpty ? .infinity : chi2 / Double(pulls.count))
    }
}
