import Foundation

/// What a DQM file name says: `DQM_V0001_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root`
/// (offline and RelVal) or `DQM_V0001_SiStrip_R000351871.root` (online).
public struct DQMFileName: Sendable, Hashable {
    public let fileName: String
    /// `V%04d`: raised by the server each time the same run and dataset arrive again.
    public let version: Int
    public let run: Int
    /// `/PD/Processed/Tier` for offline files; nil for online files.
    public let dataset: String?
    /// The subsystem of an online file; nil for offline files.
    public let subsystem: String?

    public var primaryDataset: String? {
        dataset?.split(separator: "/").first.map(String.init)
    }

    /// The file's identity across versions: the name with `V%04d` removed.
    public var versionlessName: String {
        let afterVersion = fileName.drop(while: { $0 != "_" }).dropFirst().drop(while: { $0 != "_" })
        return "DQM" + afterVersion
    }

    /// Parses a name; nil when it is not a DQM file name.
    public init?(_ fileName: String) {
        guard fileName.hasPrefix("DQM_V"), fileName.hasSuffix(".root") else { return nil }
        let stem = fileName.dropFirst("DQM_".count).dropLast(".root".count)
        let parts = stem.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let version = Self.number(parts[0].dropFirst(), digits: 4) else { return nil }
        let rest = parts[1]
        if rest.hasPrefix("R") {
            // Offline: R%09d__PD__Processed__Tier
            let fields = rest.components(separatedBy: "__")
            guard fields.count == 4, let run = Self.number(Substring(fields[0].dropFirst()), digits: 9),
                fields[1...].allSatisfy({ !$0.isEmpty && ListingEntry.isAllowedName($0) })
            else { return nil }
            self.init(fileName: fileName, version: version, run: run, dataset: "/" + fields[1...].joined(separator: "/"), subsystem: nil)
        } else {
            // Online: <Subsystem>_R%09d
            let fields = rest.split(separator: "_", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, fields[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
                fields[1].hasPrefix("R"), let run = Self.number(fields[1].dropFirst(), digits: 9)
            else { return nil }
            self.init(fileName: fileName, version: version, run: run, dataset: nil, subsystem: String(fields[0]))
        }
    }

    private init(fileName: String, version: Int, run: Int, dataset: String?, subsystem: String?) {
        self.fileName = fileName
        self.version = version
        self.run = run
        self.dataset = dataset
        self.subsystem = subsystem
    }

    private static func number(_ text: Substring, digits: Int) -> Int? {
        guard text.count == digits, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// The block directory holding a run: `0003157xx` for run 315705.
    public static func blockDirectory(run: Int) -> String {
        let block = String(run / 100)
        return String(repeating: "0", count: max(0, 7 - block.count)) + block + "xx"
    }
}
