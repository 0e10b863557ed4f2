/// RelMon's four outcomes of one histogram comparison (`definitions.py`; RelMon spells
/// the last one "SKIPED", we do not).
public enum RelMonStatus: String, Sendable, Codable, CaseIterable {
    case success, fail, null, skipped

    /// Ranks below zero are RelMon's error codes and give NULL; otherwise a test passes
    /// when its p-value reaches the threshold (`p ≥ threshold`, equality passes).
    public static func decide(rank: Double, threshold: Double) -> RelMonStatus {
        if rank.isNaN || rank < 0 { return .null }
        return rank < threshold ? .fail : .success
    }
}

/// The statistical tests RelMon offers (`-s`), with the names its command line accepts.
public enum RelMonTest: String, Sendable, Codable, CaseIterable {
    case chi2, ks, bin2bin

    /// Accepts RelMon's spellings too: `Chi2`, `KS`, `BinToBin`, `Bin2Bin`, `b2b`.
    public init?(name: String) {
        switch name.lowercased() {
        case "chi2": self = .chi2
        case "ks": self = .ks
        case "bin2bin", "bintobin", "b2b": self = .bin2bin
        default: return nil
        }
    }

    /// RelMon's `-t` default is 1e-5 for every test. For bin-to-bin that lets through any
    /// histogram with a single identical bin (cms-bot's pitfall), so we default to 1: a
    /// bin-to-bin comparison passes only when every bin agrees.
    public var defaultThreshold: Double {
        switch self {
        case .chi2, .ks: 1e-5
        case .bin2bin: 1
        }
    }

    /// The name shown in reports, as RelMon prints it.
    public var displayName: String {
        switch self {
        case .chi2: "Chi2"
        case .ks: "KS"
        case .bin2bin: "BinToBin"
        }
    }
}

/// Why a comparison has the rank it has when no statistical test produced it.
public enum RelMonNote: String, Sendable, Codable {
    /// Both histograms have no content anywhere (RelMon: rank 1, success).
    case bothEmpty
    /// Exactly one histogram is empty (RelMon since 2015: rank 0, a failure).
    case oneEmpty
    /// Neither histogram has three filled bins, so Chi2 is not attempted (rank 1).
    case fewFilledBins
    /// Different numbers of bins or axis ranges (RelMon's DIFF_BIN, −103).
    case differentBinning
    /// Different ROOT classes (RelMon's DIFF_TYPES, −104, which its code overwrites; we keep it).
    case differentTypes
    /// The test gave no number (NaN).
    case undefined
    /// Listed in the histogram blacklist, never tested.
    case blacklisted
    /// The histogram could not be read from one of the files.
    case unreadable
}
