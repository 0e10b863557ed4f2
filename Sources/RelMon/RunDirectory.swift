/// Where RelMon starts in a file: `DQMData` if present ("Is this a custom rootfile?"
/// otherwise), then the last `Run N` directory. Each file enters its own, so runs with
/// different numbers are compared level by level.
struct RunDirectory {
    var path: [String]
    var runName: String?

    static func locate(in source: any HistogramSource) throws -> RunDirectory {
        var path: [String] = []
        let top: [SourceEntry]
        do { top = try source.entries(in: []) } catch {
            throw RelMonError.unreadable(file: source.name, reason: "\(error)")
        }
        var entries = top
        if entries.contains(where: { $0.name == "DQMData" && $0.kind == .directory }) {
            path = ["DQMData"]
            entries = try source.entries(in: path)
        }
        guard let run = entries.last(where: { $0.kind == .directory && isRunDirectory($0.name) }) else {
            return RunDirectory(path: path, runName: nil)
        }
        return RunDirectory(path: path + [run.name], runName: run.name)
    }

    /// `Run 315705`, as DQM names the level; not `Run summary`.
    static func isRunDirectory(_ name: String) -> Bool {
        guard name.hasPrefix("Run ") else { return false }
        let number = name.dropFirst(4)
        return !number.isEmpty && number.allSatisfy(\.isNumber)
    }
}

extension HistogramSource {
    func isDirectory(_ path: [String]) throws -> Bool {
        guard let name = path.last else { return true }
        return try entries(in: Array(path.dropLast())).contains { $0.name == name && $0.kind == .directory }
    }
}

extension RelMonDirectory {
    /// Changes the comparison at `index` of the subdirectory reached through `address`.
    mutating func update(at address: ArraySlice<Int>, comparison index: Int, _ change: (inout RelMonComparison) -> Void) {
        guard let first = address.first else {
            change(&comparisons[index])
            return
        }
        subdirectories[first].update(at: address.dropFirst(), comparison: index, change)
    }
}

extension String {
    /// The last `/`-separated component, as a file name.
    var lastPathComponent: String { split(separator: "/").last.map(String.init) ?? self }
}
