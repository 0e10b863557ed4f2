import Foundation

/// Quantised colour scales: a diverging one for signed pulls (blue deficit, red
/// excess, ColorBrewer RdBu, readable by red–green colour-blind people) and a
/// sequential one (viridis) for plain contents. Quantising to a few levels lets
/// a map draw one path per colour instead of one element per cell.
struct ColorScale {
    enum Mode { case diverging, sequential }

    let mode: Mode
    let lower: Double
    let upper: Double
    let isLog: Bool
    let colors: [String]

    /// Pulls in ±cap; the middle level covers |pull| < cap / (2·levelsPerSide).
    static func pulls(cap: Double) -> ColorScale {
        let cap = cap > 0 && cap.isFinite ? cap : 4
        return ColorScale(mode: .diverging, lower: -cap, upper: cap, isLog: false, colors: divergingColors)
    }

    static func contents(lower: Double, upper: Double, log: Bool) -> ColorScale {
        let isLog = log && lower > 0 && upper > lower
        return ColorScale(mode: .sequential, lower: lower, upper: upper > lower ? upper : lower + 1, isLog: isLog, colors: sequentialColors)
    }

    /// The colour level of a value, clamped into the scale.
    func level(_ value: Double) -> Int {
        let fraction: Double
        if isLog {
            fraction = value > 0 ? (log10(value) - log10(lower)) / (log10(upper) - log10(lower)) : 0
        } else {
            fraction = (value - lower) / (upper - lower)
        }
        let position = mode == .diverging
            ? (fraction * Double(colors.count - 1)).rounded()
            : (fraction * Double(colors.count)).rounded(.down)
        guard position.isFinite else { return colors.count / 2 }
        return Int(min(max(position, 0), Double(colors.count - 1)))
    }

    /// The levels' colours as red, green, blue bytes (for images).
    var rgb: [(UInt8, UInt8, UInt8)] {
        colors.map { color in
            let value = UInt32(color.dropFirst(), radix: 16) ?? 0
            return (UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        }
    }

    /// The value at the lower edge of a level's band (for the colour bar).
    func value(atFraction fraction: Double) -> Double {
        isLog ? pow10(log10(lower) + fraction * (log10(upper) - log10(lower))) : lower + fraction * (upper - lower)
    }

    static let divergingSteps = 10
    static let sequentialSteps = 32

    private static let divergingColors = (-divergingSteps...divergingSteps).map { step in
        interpolate(divergingStops, Double(step + divergingSteps) / Double(2 * divergingSteps))
    }
    private static let sequentialColors = (0..<sequentialSteps).map {
        interpolate(viridisStops, Double($0) / Double(sequentialSteps - 1))
    }

    private static let divergingStops: [(Double, Double, Double)] = [
        (0x05, 0x30, 0x61), (0x21, 0x66, 0xac), (0x43, 0x93, 0xc3), (0x92, 0xc5, 0xde), (0xd1, 0xe5, 0xf0),
        (0xf2, 0xf0, 0xeb),
        (0xfd, 0xdb, 0xc7), (0xf4, 0xa5, 0x82), (0xd6, 0x60, 0x4d), (0xb2, 0x18, 0x2b), (0x67, 0x00, 0x1f),
    ]
    private static let viridisStops: [(Double, Double, Double)] = [
        (0x44, 0x01, 0x54), (0x3b, 0x52, 0x8b), (0x21, 0x91, 0x8c), (0x5e, 0xc9, 0x62), (0xfd, 0xe7, 0x25),
    ]

    private static func interpolate(_ stops: [(Double, Double, Double)], _ fraction: Double) -> String {
        let position = min(max(fraction, 0), 1) * Double(stops.count - 1)
        let index = min(Int(position), stops.count - 2)
        let t = position - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        return hex(a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t)
    }

    private static func hex(_ red: Double, _ green: Double, _ blue: Double) -> String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for component in [red, green, blue] {
            let byte = Int(min(max(component.rounded(), 0), 255))
            text.append(digits[byte / 16])
            text.append(digits[byte % 16])
        }
        return text
    }
}
