public import ArgumentParser
import Comparators
import Foundation
public import SubsystemConfig

/// Loading a subsystem from an AutoDQM configuration directory (or a legacy
/// `configs.json`), failing with every problem before any work starts.
enum SubsystemLoading {
    static func load(config path: String, subsystem name: String) throws -> Subsystem {
        let configs = try ConfigLoader.load(path: path, knownComparators: Set(Comparators.all.map(\.name)))
        for warning in configs.warnings { standardError("warning: \(warning)") }
        guard let subsystem = configs.subsystem(named: name) else {
            throw UnknownSubsystem(name: name, config: path, known: configs.subsystemNames.sorted())
        }
        return subsystem
    }
}

struct UnknownSubsystem: Error, CustomStringConvertible {
    let name: String
    let config: String
    let known: [String]

    var description: String { "no subsystem \(name) in \(config); known: \(known.joined(separator: ", "))" }
}

extension WildcardMode: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "glob": self = .glob
        case "autodqm": self = .autodqmSubstring
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["glob", "autodqm"] }
}
