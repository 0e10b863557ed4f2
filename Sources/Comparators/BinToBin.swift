public import Histogram

/// `bin_to_bin`: RelMon's Bin2Bin regression check — the fraction of global
/// bins (flow bins included) whose contents agree to 1e-6 absolute (or are both
/// zero on average). Flags when the fraction is below `identicalFraction`
/// (option `pValueCut`, default 1: any differing bin). Uses the first reference.
/// Scores: `identicalFraction`, `differingBins`.
public struct BinToBinComparator: Comparator {
    public static let name = "bin_to_bin"
    public init() {}

    public func compare(data: Histogram, references: [Histogram], options: ComparatorOptions) -> Comparison {
        if let problem = Binning.problem(data: data, references: references) {
            return .notApplicable(name, problem)
        }
        let reference = references[0]
        var identical = 0
        data.contents.withUnsafeBufferPointer { data in
            reference.contents.withUnsafeBufferPointer { reference in
                // Counted without a branch per bin; `problem` checked both have the same cells.
                for (c1, c2) in zip(data, reference) {
                    identical &+= (c1 + c2) / 2 == 0 || abs(c1 - c2) < 1e-6 ? 1 : 0
                }
            }
        }
        let fraction = Double(identical) / Double(data.cellCount)
        let flagged = fraction < (options.pValueCut ?? 1)
        let differing = data.cellCount - identical
        return Comparison(
            comparator: name, status: flagged ? .flagged : .ok,
            scores: ["identicalFraction": fraction, "differingBins": Double(differing)],
            info: differing == 0 ? "all \(data.cellCount) bins identical" : "\(differing) of \(data.cellCount) bins differ")
    }
}
