import Foundation

/// The layout of harvested DQM files: every monitor element lives under
/// `DQMData/Run <run>/`. Paths are compared without that prefix so that a data
/// run pairs with references of other run numbers.
enum DQMPath {
    static let root = "DQMData/Run "

    /// The run number and the path below `DQMData/Run <run>/`; other paths are
    /// returned whole with no run.
    static func split(_ path: String) -> (run: Int?, relative: String) {
        guard path.hasPrefix(root) else { return (nil, path) }
        let rest = path.dropFirst(root.count)
        guard let slash = rest.firstIndex(of: "/"), let run = Int(rest[..<slash]) else { return (nil, path) }
        return (run, String(rest[rest.index(after: slash)...]))
    }

    /// The run a DQM file name carries (`DQM_V0001_R000315705__...root`).
    static func run(fromFileName name: String) -> Int? {
        guard let marker = name.range(of: "_R") else { return nil }
        let digits = name[marker.upperBound...].prefix { $0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }
}
