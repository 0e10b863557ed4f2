import ArgumentParser
import HistogramIO
import ROOTIO

/// `autodqm inspect FILE`: what a ROOT file holds, read without ROOT.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "List the directories, histograms and strings of a ROOT file.",
        discussion: "With --json, print every histogram and string in the format of root_dump.py.")

    @Flag(help: "Print one JSON document (root_dump.py's format) instead of a tree.")
    var json = false

    @Argument(help: "The ROOT file to read.")
    var file: String

    func run() throws {
        let rootFile = try ROOTFile(path: file)
        print(json ? try Inspection.json(rootFile) : try Inspection.tree(rootFile))
    }
}
