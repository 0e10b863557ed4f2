import Foundation
import TestSupport

/// Where the config directories used by the tests live.
enum ConfigPaths {
    /// AutoDQM's current per-subsystem format (verbatim entries).
    static let autodqmCurrent = Fixtures.directory.appendingPathComponent("autodqm-configs/current").path
    /// AutoDQM's older single `configs.json`.
    static let autodqmLegacy = Fixtures.directory.appendingPathComponent("autodqm-configs/legacy").path
    /// The configs this project ships, at the top of the repository.
    static let shipped = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("configs").path
}
