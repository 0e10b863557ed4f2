/// The ROOT classes this reader understands, by the class name a key carries.
/// Anything else is listed with its class name and skipped.
public enum ROOTClass: Sendable, Equatable {
    case histogram(dimension: Int, element: NumericElement)
    case profile(dimension: Int)
    case objectString
    case directory
    case other

    public init(className: String) {
        if let known = Self.table[className] {
            self = known
        } else {
            self = .other
        }
    }

    public var isHistogram: Bool {
        switch self {
        case .histogram, .profile: true
        default: false
        }
    }

    private static let table: [String: ROOTClass] = {
        var table: [String: ROOTClass] = [
            "TProfile": .profile(dimension: 1), "TProfile2D": .profile(dimension: 2), "TProfile3D": .profile(dimension: 3),
            "TObjString": .objectString, "TDirectory": .directory, "TDirectoryFile": .directory,
        ]
        let elements: [(String, NumericElement)] = [
            ("C", .int8), ("S", .int16), ("I", .int32), ("L", .int64), ("F", .float32), ("D", .float64),
        ]
        for dimension in 1...3 {
            for (suffix, element) in elements {
                table["TH\(dimension)\(suffix)"] = .histogram(dimension: dimension, element: element)
            }
        }
        return table
    }()
}
