public import Foundation

/// One test/reference file pair of a release-validation matrix.
public struct MatrixPair: Sendable, Equatable {
    public var name: String
    public var test: URL
    public var reference: URL
}

/// Pairs the files of a test folder with those of a reference folder by sample (and run,
/// for data), keeping only the newest version of each on both sides, as ValidationMatrix
/// does with `-a`.
public struct MatrixPairing: Sendable, Equatable {
    public var pairs: [MatrixPair] = []
    /// Files with a DQM name but no partner on the other side.
    public var unmatched: [URL] = []
    /// Files whose names do not follow the DQM convention.
    public var ignored: [URL] = []

    public init(testFiles: [URL], referenceFiles: [URL]) {
        let test = Self.newest(testFiles, ignored: &ignored), reference = Self.newest(referenceFiles, ignored: &ignored)
        var used = Set<URL>()
        var names = Set<String>()
        for sample in test.keys.sorted() {
            let tests = test[sample] ?? [], references = reference[sample] ?? []
            for (testName, testURL) in tests {
                // Same run if there is one; data runs usually differ, so a single run on each
                // side is paired whatever the numbers.
                let partner = references.first { $0.0.run == testName.run }
                    ?? (tests.count == 1 && references.count == 1 ? references.first : nil)
                guard let (_, referenceURL) = partner else {
                    unmatched.append(testURL)
                    continue
                }
                used.insert(referenceURL)
                var name = testName.reportName, suffix = 2
                while !names.insert(name).inserted { name = "\(testName.reportName)_\(suffix)"; suffix += 1 }
                pairs.append(MatrixPair(name: name, test: testURL, reference: referenceURL))
            }
        }
        unmatched += reference.values.joined().map(\.1).filter { !used.contains($0) }.sorted { $0.path < $1.path }
    }

    /// The ROOT files of a folder, sorted by name.
    public static func rootFiles(in folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "root" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The newest file for each sample and run, grouped by sample, runs in order.
    private static func newest(_ files: [URL], ignored: inout [URL]) -> [String: [(DQMFileName, URL)]] {
        var best: [String: [Int: (DQMFileName, URL)]] = [:]
        for file in files {
            guard let name = DQMFileName(fileName: file.lastPathComponent) else {
                ignored.append(file)
                continue
            }
            if let current = best[name.sample]?[name.run], !name.isNewer(than: current.0) { continue }
            best[name.sample, default: [:]][name.run] = (name, file)
        }
        return best.mapValues { runs in runs.keys.sorted().compactMap { runs[$0] } }
    }
}
