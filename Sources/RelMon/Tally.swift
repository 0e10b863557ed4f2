/// RelMon's per-directory counters (`calcStats`): every comparison weighs 1,
/// skipped ones included, whatever its size or directory.
public struct Tally: Sendable, Codable, Equatable {
    public var successes = 0
    public var fails = 0
    public var nulls = 0
    public var skipped = 0
    /// Objects found in one file only (RelMon's `n_missing_objs`).
    public var unpaired = 0

    public init() {}

    public init(successes: Int, fails: Int, nulls: Int, skipped: Int, unpaired: Int = 0) {
        self.successes = successes
        self.fails = fails
        self.nulls = nulls
        self.skipped = skipped
        self.unpaired = unpaired
    }

    init(comparisons: [RelMonComparison], unpaired: Int) {
        for comparison in comparisons { count(comparison.status) }
        self.unpaired = unpaired
    }

    /// RelMon's `weight`: the number of comparisons, skipped ones included.
    public var weight: Int { successes + fails + nulls + skipped }

    public func count(of status: RelMonStatus) -> Int {
        switch status {
        case .success: successes
        case .fail: fails
        case .null: nulls
        case .skipped: skipped
        }
    }

    /// The share of `status` in percent. RelMon returned 1 (meaning 1 %) for the success
    /// rate of a directory without comparisons; we return 0 for every status.
    public func rate(of status: RelMonStatus) -> Double {
        weight == 0 ? 0 : 100 * Double(count(of: status)) / Double(weight)
    }

    mutating func count(_ status: RelMonStatus) {
        switch status {
        case .success: successes += 1
        case .fail: fails += 1
        case .null: nulls += 1
        case .skipped: skipped += 1
        }
    }

    public mutating func add(_ other: Tally) {
        successes += other.successes
        fails += other.fails
        nulls += other.nulls
        skipped += other.skipped
        unpaired += other.unpaired
    }
}
