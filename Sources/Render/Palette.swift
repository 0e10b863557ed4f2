/// The fixed colours of every plot, in one place so 1D, 2D and 3D pictures agree.
enum Palette {
    static let referenceFill: StaticString = "#cdd7e4"
    static let referenceLine: StaticString = "#5a6f8f"
    static let data: StaticString = "#1b1b1b"
    static let outlier: StaticString = "#d7301f"
    static let highlightFill: StaticString = "#ffc400"
    static let highlightLine: StaticString = "#1a1a1a"
    static let flagged: StaticString = "#c62828"
    static let emptyCell: StaticString = "#ffffff"
}
