import Comparators
public import Foundation
public import SubsystemConfig
import Synchronization

/// The subsystem configurations in effect; an admin reload swaps them at once,
/// and results computed from then on carry the new version.
public final class ConfigHolder: Sendable {
    public let directory: URL
    private let current: Mutex<ConfigSet>

    public init(directory: URL) throws {
        self.directory = directory
        current = Mutex(try Self.load(directory))
    }

    public var configs: ConfigSet { current.withLock { $0 } }

    /// Reads the directory again; on error the configurations in effect stay.
    @discardableResult
    public func reload() throws -> ConfigSet {
        let configs = try Self.load(directory)
        current.withLock { $0 = configs }
        return configs
    }

    private static func load(_ directory: URL) throws -> ConfigSet {
        try ConfigLoader.load(path: directory.path, knownComparators: Set(Comparators.all.map(\.name)))
    }
}
