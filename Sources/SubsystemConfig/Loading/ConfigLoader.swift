internal import Digest
internal import Foundation

/// One config file's bytes, named as it should appear in messages.
public struct ConfigFile: Sendable {
    /// The file name (`CSC.json`); a subsystem file's name minus `.json` is the subsystem's name.
    public var name: String
    /// The path printed in diagnostics (`configs/CSC.json`).
    public var displayPath: String
    public var bytes: [UInt8]

    public init(name: String, displayPath: String? = nil, bytes: [UInt8]) {
        self.name = name
        self.displayPath = displayPath ?? name
        self.bytes = bytes
    }
}

/// The outcome of reading a config: the configs if usable, and every diagnostic.
public struct ConfigCheck: Sendable {
    /// Nil when there is at least one error.
    public var configSet: ConfigSet?
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Reads AutoDQM config directories (reference §2.1): `main.json` plus one
/// `<Subsystem>.json` per subsystem, or the older single `configs.json` keyed by
/// subsystem name. Files are read in name order so results do not depend on the
/// file system.
public enum ConfigLoader {
    public static let mainFileName = "main.json"
    public static let legacyFileName = "configs.json"

    /// Loads and validates; throws every problem at once if any is an error.
    public static func load(path: String, knownComparators: Set<String>? = nil) throws(ConfigError) -> ConfigSet {
        let check = check(path: path, knownComparators: knownComparators)
        guard let configSet = check.configSet else { throw ConfigError(diagnostics: check.diagnostics) }
        return configSet
    }

    /// Reads a config directory (or one config file) and reports all its problems.
    public static func check(path: String, knownComparators: Set<String>? = nil) -> ConfigCheck {
        do {
            return check(files: try readFiles(at: path), knownComparators: knownComparators)
        } catch {
            return ConfigCheck(configSet: nil, diagnostics: [error.diagnostic])
        }
    }

    /// Decodes files already in memory (the web service and tests use this directly).
    public static func check(files: [ConfigFile], knownComparators: Set<String>? = nil) -> ConfigCheck {
        var diagnostics: [Diagnostic] = []
        var subsystems: [Subsystem] = []
        var onlineDataMap: [String: String] = [:]
        var firstFileOf: [String: String] = [:]
        let files = files.sorted { $0.name < $1.name }
        for file in files {
            var reader = NodeReader(file: file.displayPath)
            defer { diagnostics += reader.sink.diagnostics }
            let root: JSONNode
            do {
                root = try JSONParser.parse(file.bytes)
            } catch {
                reader.sink.error("invalid JSON: \(error.message)", at: error.location)
                continue
            }
            let decoder = SubsystemDecoder(knownComparators: knownComparators)
            var decoded: [Subsystem] = []
            switch file.name {
            case mainFileName:
                onlineDataMap = MainFileDecoder.decode(root, reader: &reader)
            case legacyFileName:
                for member in reader.members(of: root, legacyFileName) ?? [] {
                    if let subsystem = decoder.decode(member.value, name: member.key, file: file.name, reader: &reader) {
                        decoded.append(subsystem)
                    }
                }
            default:
                let name = String(file.name.dropLast(".json".count))
                if let subsystem = decoder.decode(root, name: name, file: file.name, reader: &reader) { decoded.append(subsystem) }
            }
            for subsystem in decoded {
                if let first = firstFileOf[subsystem.name] {
                    reader.sink.error("subsystem \"\(subsystem.name)\" is also defined in \(first)", at: nil)
                } else {
                    firstFileOf[subsystem.name] = file.displayPath
                    subsystems.append(subsystem)
                }
            }
        }
        if files.allSatisfy({ $0.name == mainFileName }) {
            diagnostics.append(Diagnostic(.error, file: files.first?.displayPath ?? "config", at: nil,
                                          "no subsystem config files (expected <Subsystem>.json or configs.json)"))
        }
        let hasErrors = diagnostics.contains { $0.severity == .error }
        let configSet = hasErrors ? nil : ConfigSet(subsystems: subsystems, onlineDataMap: onlineDataMap,
                                                    version: version(of: files), warnings: diagnostics)
        return ConfigCheck(configSet: configSet, diagnostics: diagnostics)
    }

    /// A content hash over every file's name and bytes, in name order.
    static func version(of files: [ConfigFile]) -> String {
        let hash = SHA256Hasher()
        for file in files.sorted(by: { $0.name < $1.name }) {
            hash.update(file.name.utf8)
            hash.update([0])
            hash.update(withUnsafeBytes(of: UInt64(file.bytes.count).bigEndian) { Array($0) })
            hash.update(file.bytes)
        }
        return hash.finalizeHex()
    }

    /// The `.json` files of a directory (hidden files skipped), or the single file named.
    private struct ReadFailure: Error {
        var diagnostic: Diagnostic

        init(_ path: String, _ message: String) {
            diagnostic = Diagnostic(.error, file: path, at: nil, message)
        }
    }

    private static func readFiles(at path: String) throws(ReadFailure) -> [ConfigFile] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadFailure(path, "no such file or directory")
        }
        let root = path.hasSuffix("/") ? String(path.dropLast()) : path
        let entries: [(name: String, path: String)]
        if isDirectory.boolValue {
            guard let names = try? manager.contentsOfDirectory(atPath: path) else {
                throw ReadFailure(path, "cannot list the directory")
            }
            entries = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { ($0, "\(root)/\($0)") }
        } else {
            entries = [((path as NSString).lastPathComponent, path)]
        }
        var files: [ConfigFile] = []
        for entry in entries {
            guard let data = manager.contents(atPath: entry.path) else {
                throw ReadFailure(entry.path, "cannot read the file")
            }
            files.append(ConfigFile(name: entry.name, displayPath: entry.path, bytes: Array(data)))
        }
        guard !files.isEmpty else {
            throw ReadFailure(path, "no .json config files in the directory")
        }
        return files
    }
}
