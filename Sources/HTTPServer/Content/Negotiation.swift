/// Content negotiation over `Accept` and `Accept-Encoding` lists (RFC 9110 §12.5).
public enum Negotiation {
    /// The quality the header gives `value` (exact, `type/*` or `*/*`; `*` for encodings);
    /// 0 when absent or refused.
    public static func quality(of value: String, in header: String) -> Double {
        let wanted = value.lowercased()
        let major = wanted.split(separator: "/").first.map { "\($0)/*" }
        var best: (specificity: Int, quality: Double) = (-1, 0)
        for element in header.split(separator: ",") {
            let parts = element.split(separator: ";")
            guard let name = parts.first?.trimmingOWS().lowercased(), !name.isEmpty else { continue }
            let specificity: Int
            switch name {
            case wanted: specificity = 3
            case major where major != nil: specificity = 2
            case "*/*", "*": specificity = 1
            default: continue
            }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingOWS() }
                if pair.count == 2, pair[0].lowercased() == "q", let q = Double(pair[1]), (0...1).contains(q) {
                    quality = q
                }
            }
            if specificity > best.specificity { best = (specificity, quality) }
        }
        return best.quality
    }

    /// Whether the client takes gzip-coded content.
    public static func acceptsGzip(_ request: Request) -> Bool {
        guard let header = request.headers["Accept-Encoding"] else { return false }
        return quality(of: "gzip", in: header) > 0
    }
}
