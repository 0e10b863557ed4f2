import ArgumentParser
import SubsystemConfig

/// `autodqm config …`: work with AutoDQM subsystem config directories.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check AutoDQM subsystem configuration files.",
        subcommands: [Check.self])

    /// `autodqm config check DIR`: report every problem like a compiler; exit 1 on errors.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report unknown keys, bad types, bad globs and invalid JSON with file:line:column.")

        @Argument(help: "A config directory (main.json + <Subsystem>.json, or configs.json), or one config file.")
        var path: String

        @Option(name: .customLong("comparators"), parsing: .singleValue,
                help: "Known comparator names (repeat or comma-separate); unknown names in the configs are reported.")
        var knownComparators: [String] = []

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            let known = knownComparators.flatMap { $0.split(separator: ",").map(String.init) }
            let check = ConfigLoader.check(path: path, knownComparators: known.isEmpty ? nil : Set(known))
            print(check.report, terminator: "")
            if !check.errors.isEmpty || (strict && !check.warnings.isEmpty) { throw ExitCode.failure }
        }
    }
}
