/// What one comparator said about one histogram, as `results.json` stores it:
/// `{"<score>": number, ..., "flagged": bool, "info": "..."}`.
///
/// Scores sit beside `flagged` in one flat object, so a score may not be
/// called `flagged` or `info`; a non-finite score is written as `null`.
public struct ComparatorOutcome: Sendable, Equatable, Codable {
    /// Named numbers, e.g. `chi2` and `max_pull` for beta-binomial.
    public var scores: [String: Double]
    public var flagged: Bool
    /// One line a shifter can read, e.g. why the histogram was flagged.
    public var info: String?

    public init(scores: [String: Double], flagged: Bool, info: String? = nil) {
        self.scores = scores
        self.flagged = flagged
        self.info = info
    }

    private static let reservedKeys: Set<String> = ["flagged", "info"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DynamicKey.self)
        flagged = try container.decode(Bool.self, forKey: DynamicKey("flagged"))
        info = try container.decodeIfPresent(String.self, forKey: DynamicKey("info"))
        var scores: [String: Double] = [:]
        for key in container.allKeys where !Self.reservedKeys.contains(key.stringValue) {
            scores[key.stringValue] = try container.decodeIfPresent(Double.self, forKey: key) ?? .nan
        }
        self.scores = scores
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for (name, value) in scores where !Self.reservedKeys.contains(name) {
            if value.isFinite {
                try container.encode(value, forKey: DynamicKey(name))
            } else {
                try container.encodeNil(forKey: DynamicKey(name))
            }
        }
        try container.encode(flagged, forKey: DynamicKey("flagged"))
        try container.encodeIfPresent(info, forKey: DynamicKey("info"))
    }
}

/// A coding key for objects whose keys are data (score names, comparator names).
struct DynamicKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
