import Comparators
import Histogram
import TestSupport
import Testing

struct BetaBinomialTests {
    @Test(arguments: [1, 3])
    func reproducesAutoDQM(referenceCount: Int) throws {
        let runs = try GoldenRuns.get()
        var checked = 0
        for pair in runs.pairs.pairs {
            let golden = referenceCount == 1 ? pair.autodqm.betaBinomialOneReference : pair.autodqm.betaBinomialAllReferences
            guard let golden, let data = runs.data[pair.path] else { continue }
            let references = runs.references.prefix(referenceCount).compactMap { $0[pair.path] }
            // AutoDQM ran with the subsystem named by the path's first folder.
            let subsystem = String(pair.path.prefix { $0 != "/" })
            let result = BetaBinomialComparator().compare(
                data: data, references: references, options: ComparatorOptions(histogramName: pair.path, subsystem: subsystem))
            #expect(agreesToTwoDecimals(result.scores["chi2"], golden.chi2), "\(pair.path): chi2 \(result.scores["chi2"] ?? .nan) vs \(golden.chi2 ?? .nan)")
            #expect(agreesToTwoDecimals(result.scores["maxPull"], golden.maxPull), "\(pair.path): max pull \(result.scores["maxPull"] ?? .nan) vs \(golden.maxPull ?? .nan)")
            #expect(result.show == golden.show && result.flagged == golden.show, "\(pair.path): show \(result.show) vs \(golden.show)")
            checked += 1
        }
        #expect(checked == 233)
    }

    /// Worked numbers from the reference notes (ml-and-trending.md §1.2), tol = 0.01.
    @Test func workedRelativeLikelihoods() {
        func check(_ d: Double, _ n: Double, _ r: Double, _ total: Double, probability: Double, pull: Double) {
            let p = BetaBinomial.relativeLikelihood(d: d, nD: n, r: r, nR: total, tol: 0.01)
            #expect(abs(p - probability) <= 0.005 * probability, "\(d)/\(n) vs \(r)/\(total): \(p)")
            #expect(abs(BetaBinomial.pullMagnitude(probability: p) - pull) < 2e-3)
        }
        check(100, 1000, 100, 1000, probability: 1, pull: 0)
        check(130, 1000, 100, 1000, probability: 0.1034, pull: 1.629)
        check(0, 1000, 50, 1000, probability: 5.80e-15, pull: 7.808)
        check(1300, 1e4, 1e5, 1e6, probability: 7.65e-19, pull: 8.865)
        check(13000, 1e5, 1e5, 1e6, probability: 8.77e-97, pull: 20.876)
    }

    @Test func lookElsewhereCorrection() {
        // Raw 5 with 1000 bins → 3.44; 5 with 100 → 4.02; 10 with 1e4 → 9.04; 3 with 100 → 1.18.
        #expect(abs(BetaBinomial.correctedMaxPull([5, 0], trials: 1000) - 3.44) < 0.005)
        #expect(abs(BetaBinomial.correctedMaxPull([5, 0], trials: 100) - 4.02) < 0.005)
        #expect(abs(BetaBinomial.correctedMaxPull([10, 0], trials: 10_000) - 9.04) < 0.005)
        #expect(abs(BetaBinomial.correctedMaxPull([0, -3], trials: 100) + 1.18) < 0.005)
    }

    @Test func thresholdsFitFollowsTheNumberOfReferences() {
        let fits = [ThresholdFit(name: "Occupancy", maxPull: [14, 4], chi2: [4, 1])]
        let one = ThresholdFit.cuts(for: "01-Digi/OccupancyAllHits_perCh_W1", referenceCount: 1, in: fits)
        let four = ThresholdFit.cuts(for: "01-Digi/OccupancyAllHits_perCh_W1", referenceCount: 4, in: fits)
        #expect(one?.pullCut == 30 && abs((one?.chi2Cut ?? 0) - 4.0) < 1e-12)
        #expect(four?.pullCut == 19.5 && abs((four?.chi2Cut ?? 0) - 1.6) < 1e-12)
        #expect(ThresholdFit.cuts(for: "hPt", referenceCount: 1, in: fits) == nil)
    }

    @Test func edgeCasesGiveAClearStatus() throws {
        let runs = try GoldenRuns.get()
        let path = "CSC/Run summary/CSCOfflineMonitor/Occupancy/hOccupancy"
        let data = try #require(runs.data[path]), reference = try #require(runs.references[0][path])
        let empty = try Histogram(className: "TH2F", axes: data.axes, contents: Array(repeating: 0, count: data.cellCount), entries: 0)
        let comparator = BetaBinomialComparator()
        let emptyData = comparator.compare(data: empty, references: [reference], options: .default)
        #expect(emptyData.status == .notApplicable(.emptyData) && emptyData.show)
        #expect(comparator.compare(data: empty, references: [reference], options: ComparatorOptions(subsystem: "DT")).flagged)
        #expect(comparator.compare(data: data, references: [empty], options: .default).status == .notApplicable(.emptyReference))
        #expect(comparator.compare(data: data, references: [], options: .default).status == .notApplicable(.missingReference))
        let other = try #require(runs.data["CSC/Run summary/CSCOfflineMonitor/Occupancy/hEtaPhi"])
        #expect(comparator.compare(data: data, references: [other], options: .default).status == .notApplicable(.incompatibleBinning))
        // An incompatible reference is dropped, as AutoDQM does, when a good one remains.
        #expect(comparator.compare(data: data, references: [other, reference], options: .default).scores["references"] == 1)
        let profile = try #require(runs.data["CSC/Run summary/CSCOfflineMonitor/Trends/pMap"])
        #expect(comparator.compare(data: profile, references: [profile], options: .default).status == .notApplicable(.unsupportedType))
    }

    @Test func optsOverrideTheCutsAndXRangeRestricts() throws {
        let runs = try GoldenRuns.get()
        let path = "DT/Run summary/DTOfflineMonitor/Kinematics/hPt"  // spike in bin 1
        let data = try #require(runs.data[path]), reference = try #require(runs.references[0][path])
        let comparator = BetaBinomialComparator()
        let full = comparator.compare(data: data, references: [reference], options: .default)
        #expect(full.flagged)
        let lenient = comparator.compare(data: data, references: [reference], options: ComparatorOptions(chi2Cut: 1e6, pullCut: 1e6))
        #expect(!lenient.flagged && lenient.scores["chi2"] == full.scores["chi2"])
        // Excluding the spiking first bin leaves a clean spectrum.
        let edge = data.xAxis.upEdge(ofBin: 2)
        let restricted = comparator.compare(data: data, references: [reference], options: ComparatorOptions(xmin: edge))
        #expect(!restricted.flagged, "\(restricted.info)")
    }

    /// AutoDQM draws a long 1D histogram without its empty ends: one empty bin of margin
    /// on each side and at least 21 bins; the `xmin`/`xmax` window comes first.
    @Test func plotsOfLongHistogramsAreTrimmedToTheFilledBins() throws {
        func histogram(filled: ClosedRange<Int>) throws -> Histogram {
            var contents = [Double](repeating: 0, count: 102)
            for bin in filled { contents[bin] = 50 }
            return try Histogram(className: "TH1F", axes: [Axis(binCount: 100, lowerEdge: 0, upperEdge: 100)], contents: contents, entries: 50 * Double(filled.count))
        }
        let comparator = BetaBinomialComparator()
        func shown(_ data: Histogram, _ reference: Histogram, _ options: ComparatorOptions = .default) -> ClosedRange<Int>? {
            comparator.compare(data: data, references: [reference], options: options).displayedBins
        }
        // Filled bins 10–90: one empty bin kept on either side.
        #expect(shown(try histogram(filled: 10...90), try histogram(filled: 10...90)) == 9...91)
        // Data and reference together decide what is filled.
        #expect(shown(try histogram(filled: 40...90), try histogram(filled: 10...60)) == 9...91)
        // Filled bins 40–50: the 21-bin minimum extends the range downwards, as AutoDQM's formula does.
        #expect(shown(try histogram(filled: 40...50), try histogram(filled: 40...50)) == 31...51)
        // Nothing to cut: no range.
        #expect(shown(try histogram(filled: 1...100), try histogram(filled: 2...99)) == nil)
        // A window from x = 20 (bin 21 on) and then the trimming inside it.
        #expect(shown(try histogram(filled: 10...90), try histogram(filled: 10...90), ComparatorOptions(xmin: 20)) == 21...91)
    }

    /// Pseudo-random counts below `limit` (a fixed LCG: the same map every run).
    private static func randomCounts(_ bins: Int, below limit: UInt64, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<bins).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double((state >> 33) % limit)
        }
    }

    /// Repeated (d, r) pulls come from a memo: every pull must still be the one computed
    /// for its own bin.
    @Test func memoisedPullsMatchPerBinPulls() {
        let data = Self.randomCounts(5000, below: 12, seed: 12345)
        let reference = Self.randomCounts(5000, below: 40, seed: 678)
        let nD = data.reduce(0, +), nR = reference.reduce(0, +)
        let pulls = BetaBinomial.pulls(data: data, references: [reference], tol: 0.01).pulls
        var mismatches = 0
        for bin in data.indices {
            let expected = reference[bin] / nR * nD
            let magnitude = BetaBinomial.pullMagnitude(
                probability: BetaBinomial.relativeLikelihood(d: data[bin], nD: nD, r: reference[bin], nR: nR, tol: 0.01))
            let pull = data[bin] == expected ? 0 : (data[bin] > expected ? magnitude : -magnitude)
            if pulls[bin] != pull { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    /// Σ pull² and the extreme pulls are gathered while the pulls are made; they must be
    /// exactly what summing the pulls in bin order and taking max/min give, with one
    /// reference and with several, and 0 with no bins.
    @Test func pullSummaryMatchesThePulls() {
        let data = Self.randomCounts(3000, below: 30, seed: 1)
        for references in [[Self.randomCounts(3000, below: 30, seed: 2)], (3...5).map { Self.randomCounts(3000, below: 30, seed: $0) }] {
            let result = BetaBinomial.pulls(data: data, references: references, tol: 0.01)
            #expect(result.sumOfSquares == result.pulls.reduce(0) { $0 + $1 * $1 })
            #expect(result.highest == result.pulls.max())
            #expect(result.lowest == result.pulls.min())
            #expect(result.highest > 0 && result.lowest < 0)
        }
        let empty = BetaBinomial.pulls(data: [], references: [[]], tol: 0.01)
        #expect(empty.sumOfSquares == 0 && empty.highest == 0 && empty.lowest == 0)
    }
}
