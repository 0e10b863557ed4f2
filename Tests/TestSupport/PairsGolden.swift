import Foundation

/// `Tests/Fixtures/golden/pairs.golden.json.gz`: for each histogram of data run
/// 315705 also in 315000, ROOT's KolmogorovTest/Chi2Test values and AutoDQM's
/// own plugin outputs (see Tests/Fixtures/README.md).
public struct PairsGolden: Sendable, Decodable {
    public var data: String
    public var refs: [String]
    public var pairs: [Pair]

    public struct Pair: Sendable, Decodable {
        /// Relative to `DQMData/Run <run>/`.
        public var path: String
        public var className: String
        public var root: RootValues
        public var autodqm: AutoDQMValues

        enum CodingKeys: String, CodingKey { case path, className = "class", root, autodqm }
    }

    /// ROOT's results of `data.Test(ref, option)`; `nil` where ROOT gave a non-finite value.
    public struct RootValues: Sendable, Decodable {
        public var ks: Double?
        public var ksM: Double?
        public var chi2UU: Double?
        public var chi2NdfUU: Double?
        public var chi2UW: Double?
        public var chi2NdfUW: Double?
        public var chi2WW: Double?
        public var chi2NdfWW: Double?

        enum CodingKeys: String, CodingKey {
            case ks, ksM = "ks_M", chi2UU = "chi2_uu", chi2NdfUU = "chi2ndf_uu", chi2UW = "chi2_uw"
            case chi2NdfUW = "chi2ndf_uw", chi2WW = "chi2_ww", chi2NdfWW = "chi2ndf_ww"
        }
    }

    public struct AutoDQMValues: Sendable, Decodable {
        public var betaBinomialOneReference: PluginResult?
        public var betaBinomialAllReferences: PluginResult?
        public var pullValues: PluginResult?
        public var ksTest: PluginResult?

        enum CodingKeys: String, CodingKey {
            case betaBinomialOneReference = "beta_binomial_1ref", betaBinomialAllReferences = "beta_binomial_allref"
            case pullValues = "pull_values", ksTest = "ks_test"
        }
    }

    /// AutoDQM's `show` and `info`; the numbers are rounded to 2 decimals
    /// (pull_values writes them as "%.2f" strings).
    public struct PluginResult: Sendable, Decodable {
        public var show: Bool
        public var chi2: Double?
        public var maxPull: Double?
        public var ks: Double?
        public var dataEntries: String?
        public var referenceEntries: String?

        enum CodingKeys: String, CodingKey { case show, info }
        enum InfoKeys: String, CodingKey {
            case chi2 = "Chi_Squared", maxPull = "Max_Pull_Val", ks = "KS_Val"
            case dataEntries = "Data_Entries", referenceEntries = "Ref_Entries"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            show = try container.decode(Bool.self, forKey: .show)
            let info = try container.nestedContainer(keyedBy: InfoKeys.self, forKey: .info)
            chi2 = try Self.number(info, .chi2)
            maxPull = try Self.number(info, .maxPull)
            ks = try Self.number(info, .ks)
            dataEntries = try info.decodeIfPresent(String.self, forKey: .dataEntries)
            referenceEntries = try info.decodeIfPresent(String.self, forKey: .referenceEntries)
        }

        /// A number written either as a JSON number or as a "%.2f" string.
        private static func number(_ info: KeyedDecodingContainer<InfoKeys>, _ key: InfoKeys) throws -> Double? {
            if let value = try? info.decodeIfPresent(Double.self, forKey: key) { return value }
            guard let text = try info.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let value = Double(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: info, debugDescription: "not a number: \(text)")
            }
            return value
        }
    }
}

extension Fixtures {
    public static func pairsGolden() throws -> PairsGolden {
        try decodeJSON(PairsGolden.self, gzipped: directory.appendingPathComponent("golden/pairs.golden.json.gz"))
    }
}
