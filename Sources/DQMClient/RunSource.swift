public import Foundation

/// A place DQM run files come from, laid out like the DQM GUI's `ROOT`
/// repository (`OfflineData/<series>/<sample>/<000NNNNxx>/<file>`): the
/// DQM Offline server over HTTPS, or a local or mounted copy (EOS).
public protocol RunSource: Sendable {
    /// Names the source in the store's metadata (server URL or `file://` path).
    var identifier: String { get }
    /// The entries of a directory; `path` is relative to the repository root
    /// (e.g. `OfflineData/Run2018`), its components already validated.
    func list(_ path: String) async throws -> [ListingEntry]
    /// Writes the file at `path` into `destination`, resuming from the bytes
    /// already there, and checks its size against `expectedSize`.
    func download(
        _ path: String, expectedSize: Int64?, to destination: URL, progress: (@Sendable (Int64) -> Void)?
    ) async throws -> DownloadResult
}
