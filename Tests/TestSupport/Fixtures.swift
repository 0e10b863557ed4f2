public import Foundation
public import Histogram

/// The committed test fixtures under `Tests/Fixtures`: DQM runs and goldens
/// written by real ROOT (see `Tests/Fixtures/README.md`).
public enum Fixtures {
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The DQM Offline server layout root (`OfflineData/...` below it).
    public static let dqmServerRoot = directory.appendingPathComponent("dqm")

    public static let referenceRuns = [315_000, 315_100, 315_200]
    public static let dataRun = 315_705

    /// The ROOT file of one of the four fixture runs.
    public static func dqmRun(_ run: Int) -> URL {
        let folder = String(format: "%07dxx", run / 100)
        let name = String(format: "DQM_V0001_R%09d__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root", run)
        return dqmServerRoot.appendingPathComponent("OfflineData/Run2018/ZeroBias/\(folder)/\(name)")
    }

    /// The golden dump of a fixture run (any of the four).
    public static func dqmGolden(_ run: Int) throws -> FileDump {
        let name = String(format: "DQM_V0001_R%09d__ZeroBias__Run2018A-PromptReco-v1__DQMIO.golden.json.gz", run)
        return try decodeJSON(FileDump.self, gzipped: directory.appendingPathComponent("golden/\(name)"))
    }

    /// Every real-world ROOT file with the URL of its gzipped golden.
    public static func realWorldFiles() throws -> [(root: URL, golden: URL)] {
        let folder = directory.appendingPathComponent("realworld")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".root") }
            .sorted()
            .map { name in
                let stem = String(name.dropLast(".root".count))
                return (folder.appendingPathComponent(name), folder.appendingPathComponent("\(stem).golden.json.gz"))
            }
    }

    public static func decodeJSON<T: Decodable>(_ type: T.Type, gzipped url: URL) throws -> T {
        try JSONDecoder().decode(type, from: gunzip(url))
    }

    /// The uncompressed bytes of a `.gz` file (goldens are stored compressed).
    public static func gunzip(_ url: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", url.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        return data
    }
}
