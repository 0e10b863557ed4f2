import ArgumentParser
import Comparators
import ROOTIO
import SubsystemConfig

/// `autodqm config …`: work with AutoDQM subsystem config directories.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check AutoDQM subsystem configuration files.",
        subcommands: [Check.self, Match.self])

    struct Selection: ParsableArguments {
        @Argument(help: "A config directory (main.json + <Subsystem>.json, or configs.json), or one config file.")
        var path: String

        @Option(name: .customLong("comparators"), parsing: .singleValue,
                help: "Known comparator names (repeat or comma-separate); default: every comparator of this build.")
        var knownComparators: [String] = []

        func check() -> ConfigCheck {
            let named = knownComparators.flatMap { $0.split(separator: ",").map(String.init) }
            let known = named.isEmpty ? Comparators.all.map(\.name) : named
            return ConfigLoader.check(path: path, knownComparators: Set(known))
        }
    }

    /// `autodqm config check DIR`: report every problem like a compiler; exit 1 on errors.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report unknown keys, bad types, bad globs and invalid JSON with file:line:column.")

        @OptionGroup var selection: Selection

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            let check = selection.check()
            print(check.report, terminator: "")
            if !check.errors.isEmpty || (strict && !check.warnings.isEmpty) { throw ExitCode.failure }
        }
    }

    /// `autodqm config match DIR --data FILE [--reference FILE...]`: what the entries select.
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which histograms each subsystem's entries select in DQM files, and which match nothing.")

        @OptionGroup var selection: Selection

        @Option(help: "The data run's DQM ROOT file.")
        var data: String

        @Option(help: "A reference run's DQM ROOT file (repeatable).")
        var reference: [String] = []

        @Option(help: "Only this subsystem.")
        var subsystem: String?

        func run() throws {
            let check = selection.check()
            guard let configs = check.configSet else {
                print(check.report, terminator: "")
                throw ExitCode.failure
            }
            let dataFile = try HistogramPaths(file: data)
            let references = try reference.map(HistogramPaths.init(file:))
            for subsystem in configs.subsystems where self.subsystem == nil || subsystem.name == self.subsystem {
                let plan = subsystem.plan(data: dataFile.relative(to: subsystem),
                                          references: references.map { $0.relative(to: subsystem) })
                print(plan.report(for: subsystem), terminator: "")
            }
        }
    }
}

/// The histogram paths of one DQM file and the run its top directory names.
private struct HistogramPaths {
    let run: Int
    let paths: [String]

    init(file: String) throws {
        let listed = try ROOTFile(path: file).listAllKeys()
        paths = listed.filter { ROOTClass(className: $0.key.className).isHistogram }.map(\.path)
        guard let run = paths.lazy.compactMap(DQMRunDirectory.run(ofPath:)).first else {
            throw ValidationError("\(file) has no histograms under DQMData/Run <run>/")
        }
        self.run = run
    }

    func relative(to subsystem: Subsystem) -> [String] {
        subsystem.relativePaths(paths, run: run)
    }
}
