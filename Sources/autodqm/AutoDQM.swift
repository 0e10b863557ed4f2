import ArgumentParser

/// The `autodqm` command line: every subcommand is listed here, and each lives
/// in its own file under `Commands/`.
@main
struct AutoDQM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autodqm",
        abstract: "Compare DQM histograms of a run against reference runs and flag the outliers.",
        subcommands: [
            InspectCommand.self,
            FetchCommand.self,
            RunsCommand.self,
            ConfigCommand.self,
            CompareCommand.self,
            OfflineCommand.self,
            ServeCommand.self,
            RelMonCommand.self,
            RelMonMatrixCommand.self,
            RelMonRenderCommand.self,
        ])
}
