import Comparators

/// One histogram to compare and how.
struct PlannedComparison: Sendable {
    /// Relative to `DQMData/Run <run>/`.
    var path: String
    /// `nil`: the default set for the data histogram's kind.
    var comparators: [any Comparator]?
    var options: ComparatorOptions
    var alwaysShow = false
    /// AutoDQM's `sel_display`: quiet results get neither a card nor a plot.
    var selectiveDisplay = false
    var configPath: String?
    /// AutoDQM's `concatenate`: sibling histograms (relative paths) appended after this one.
    var siblings: [String] = []
    var style = PlotStyle()
    /// File name stem of its plots under `plots/`, unique within the report.
    var plotName = ""
}

/// Per-histogram presentation settings from the configuration.
struct PlotStyle: Sendable {
    var title: String?
    var xTitle: String?
    var yTitle: String?
    var xLabels: [String]?
    var yLabels: [String]?
    var logX = false
    var logY = false
}

/// Plot file names: readable (the histogram path with unsafe characters
/// replaced) and unique, even on case-insensitive file systems.
enum PlotNames {
    static func assign(to histograms: [PlannedComparison]) -> [PlannedComparison] {
        var used: Set<String> = []
        return histograms.map { planned in
            let stem = sanitized(planned.path)
            var name = stem
            var suffix = 2
            while !used.insert(name.lowercased()).inserted {
                name = "\(stem)-\(suffix)"
                suffix += 1
            }
            var named = planned
            named.plotName = name
            return named
        }
    }

    static func sanitized(_ path: String) -> String {
        // Byte-wise: every byte of a multi-byte character becomes "_" too.
        let safe = path.utf8.prefix(200).map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): byte
            default: UInt8(ascii: "_")
            }
        }.drop { $0 == UInt8(ascii: ".") }
        return safe.isEmpty ? "histogram" : String(decoding: safe, as: UTF8.self)
    }
}
