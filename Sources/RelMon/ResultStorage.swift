public import Foundation
import Render

extension RelMonResult {
    /// Stores the result as JSON (RelMon pickled its tree; a pickle cannot be read safely
    /// nor by anything but Python).
    public func write(to url: URL) throws {
        try OutputFile.write(ResultJSON.encode(self), toPath: url.path)
    }

    /// Reads a stored result, refusing other format versions by name.
    public static func read(from url: URL) throws -> RelMonResult {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RelMonError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        struct Version: Decodable { var format: Int }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw RelMonError.malformedResults(file: url.path, reason: "no format version")
        }
        guard version.format == currentFormat else {
            throw RelMonError.malformedResults(file: url.path, reason: "format \(version.format), expected \(currentFormat)")
        }
        do { return try JSONDecoder().decode(RelMonResult.self, from: data) } catch {
            throw RelMonError.malformedResults(file: url.path, reason: "\(error)")
        }
    }
}
