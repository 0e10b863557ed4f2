import Foundation

/// The DQM file-name convention RelMon and ValidationMatrix rely on
/// (`getInfoFromFilename`): `DQM_V<version>_R<run>__<sample>__<release>-<processing>-v<N>__<tier>.root`,
/// e.g. `DQM_V0001_R000000001__RelValTTbar_14TeV__CMSSW_14_1_0_pre2-PU_140X_v7-v1__DQMIO.root`.
public struct DQMFileName: Sendable, Equatable, Codable {
    public var dqmVersion: Int
    public var run: Int
    public var sample: String
    /// The release (`CMSSW_14_1_0_pre2`), or the era for data (`Run2018A`).
    public var release: String
    /// The global tag / processing string between the release and the version (may be empty).
    public var processing: String
    /// The trailing `-vN` of the processing, 0 when absent.
    public var processingVersion: Int
    public var tier: String

    public init?(fileName: String) {
        guard fileName.hasSuffix(".root") else { return nil }
        let parts = fileName.dropLast(5).components(separatedBy: "__")
        guard parts.count == 4 else { return nil }
        let prefix = parts[0].split(separator: "_")
        guard prefix.count == 3, prefix[0] == "DQM",
              prefix[1].first == "V", let version = Int(prefix[1].dropFirst()),
              prefix[2].first == "R", let run = Int(prefix[2].dropFirst()),
              !parts[1].isEmpty else { return nil }
        dqmVersion = version
        self.run = run
        sample = parts[1]
        tier = parts[3]
        var pieces = parts[2].components(separatedBy: "-")
        processingVersion = 0
        if pieces.count > 1, let last = pieces.last, last.first == "v", let number = Int(last.dropFirst()) {
            processingVersion = number
            pieces.removeLast()
        }
        release = pieces.first ?? ""
        processing = pieces.dropFirst().joined(separator: "-")
    }

    /// ValidationMatrix's sub-report name, `<sample>_<processing>` plus `_<run>` for data
    /// (run > 1), with anything but letters, digits, `-` and `_` replaced.
    public var reportName: String {
        var name = sample + "_" + (processing.isEmpty ? release : processing)
        if run > 1 { name += "_\(run)" }
        return String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
    }

    /// Newer files win: higher processing version, then higher DQM version.
    func isNewer(than other: DQMFileName) -> Bool {
        (processingVersion, dqmVersion) > (other.processingVersion, other.dqmVersion)
    }
}
