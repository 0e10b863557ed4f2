/// Every subsystem of a config directory, with a content hash that changes
/// whenever any file does (results are cached by it).
public struct ConfigSet: Sendable, Hashable, Codable {
    public var subsystems: [Subsystem]
    /// `main.json` `OnlineDataMap`: subsystem → DQM folder token of Online file names.
    public var onlineDataMap: [String: String]
    /// SHA-256 (hex) over the names and bytes of the files read.
    public var version: String
    /// Problems that did not stop loading (unknown keys, unknown comparators...).
    public var warnings: [Diagnostic]

    public init(subsystems: [Subsystem], onlineDataMap: [String: String] = [:], version: String, warnings: [Diagnostic] = []) {
        self.subsystems = subsystems
        self.onlineDataMap = onlineDataMap
        self.version = version
        self.warnings = warnings
    }

    public var subsystemNames: [String] { subsystems.map(\.name) }

    public func subsystem(named name: String) -> Subsystem? {
        subsystems.first { $0.name == name }
    }
}
