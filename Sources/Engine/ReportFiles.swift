public import Foundation
import Render

/// A report on disk: `results.json`, `index.html`, and the plots the engine
/// wrote under `plots/` while comparing.
extension Report {
    public static let resultsFileName = "results.json"
    public static let galleryFileName = "index.html"

    /// Writes `results.json` and the `index.html` gallery into `directory`, creating it if needed.
    public func write(to directory: URL) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Two independent documents of a large report: made on two cores.
        async let gallery: Void = writeFile(Gallery.html(for: self), toPath: directory.appendingPathComponent(Self.galleryFileName).path)
        try writeFile(ReportJSON.encode(self), toPath: directory.appendingPathComponent(Self.resultsFileName).path)
        try await gallery
    }

    /// The `results.json` document.
    public func jsonData() -> Data {
        Data(ReportJSON.encode(self))
    }

    /// Reads back a `results.json` written by `write(to:)`.
    public init(contentsOf resultsFile: URL) throws {
        self = try JSONDecoder().decode(Report.self, from: Data(contentsOf: resultsFile))
    }
}

/// Writes a report file, naming it in the engine's error when it cannot.
func writeFile(_ text: String, toPath path: String) throws(EngineError) {
    do { try OutputFile.write(text, toPath: path) } catch { throw .cannotWrite(file: error.file, reason: error.reason) }
}

func writeFile(_ bytes: [UInt8], toPath path: String) throws(EngineError) {
    do { try OutputFile.write(bytes, toPath: path) } catch { throw .cannotWrite(file: error.file, reason: error.reason) }
}
