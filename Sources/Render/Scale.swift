import Foundation

/// Maps data values to pixels along one axis, linearly or logarithmically.
struct Scale {
    let lower: Double
    let upper: Double
    let start: Double
    let end: Double
    let isLog: Bool

    /// A log scale needs a positive domain; callers check `canBeLog` first.
    init(domain lower: Double, _ upper: Double, pixels start: Double, _ end: Double, log: Bool = false) {
        let isLog = log && lower > 0 && upper > lower
        // A zero-width domain (all values equal) still needs a visible span.
        let widened = upper > lower ? (lower, upper) : (lower - 0.5 - lower.magnitude * 0.05, lower + 0.5 + lower.magnitude * 0.05)
        self.lower = isLog ? log10(widened.0) : widened.0
        self.upper = isLog ? log10(widened.1) : widened.1
        self.start = start
        self.end = end
        self.isLog = isLog
    }

    /// Pixel of a value; values outside the domain extrapolate, non-positive ones on a log scale go to the lower end.
    func callAsFunction(_ value: Double) -> Double {
        let position: Double
        if isLog {
            position = value > 0 ? log10(value) : lower
        } else {
            position = value
        }
        return start + (position - lower) / (upper - lower) * (end - start)
    }

    /// Like the call, but held inside the pixel range (for bars that would leave the frame).
    func clamped(_ value: Double) -> Double {
        let pixel = self(value)
        return min(max(pixel, min(start, end)), max(start, end))
    }

    var domainLower: Double { isLog ? pow10(lower) : lower }
    var domainUpper: Double { isLog ? pow10(upper) : upper }

    func ticks(target: Int = 6) -> [Tick] {
        isLog ? Tick.logarithmic(from: lower, to: upper) : Tick.linear(from: lower, to: upper, target: target)
    }
}

struct Tick: Equatable {
    let value: Double
    /// `nil` for minor ticks.
    let label: String?

    /// Ticks at 1, 2, 2.5 or 5 times a power of ten, labelled with a shared notation.
    static func linear(from lower: Double, to upper: Double, target: Int) -> [Tick] {
        let span = upper - lower
        guard span > 0, span.isFinite else { return [] }
        let rough = span / Double(max(target, 1))
        let magnitude = pow10(floor(log10(rough)))
        let step = [1.0, 2, 2.5, 5, 10].first { $0 * magnitude >= rough * 0.999 }.map { $0 * magnitude } ?? 10 * magnitude
        let first = (lower / step).rounded(.up)
        let last = (upper / step).rounded(.down)
        guard last >= first, last - first < 1000 else { return [] }
        let largest = max(lower.magnitude, upper.magnitude)
        let format = NumberNotation(largest: largest, step: step)
        return stride(from: first, through: last, by: 1).map { index in
            let value = index * step
            return Tick(value: value, label: format.string(value.magnitude < step * 1e-9 ? 0 : value))
        }
    }

    /// Decades labelled as powers of ten, 2…9 as minor ticks; wide ranges label every n-th decade.
    static func logarithmic(from lowerExponent: Double, to upperExponent: Double) -> [Tick] {
        let firstDecade = Int(floor(lowerExponent)), lastDecade = Int(ceil(upperExponent))
        guard lastDecade - firstDecade < 400 else { return [] }
        let decades = lastDecade - firstDecade
        let labelEvery = max(1, (decades + 7) / 8)
        // With fewer than three powers of ten in view, 2× and 5× get labels too.
        let labelledDecades = Int(floor(upperExponent + 1e-9)) - Int(ceil(lowerExponent - 1e-9)) + 1
        let labelMultiples = labelledDecades < 3
        var ticks: [Tick] = []
        for decade in firstDecade...lastDecade {
            for multiple in 1...9 {
                let exponent = Double(decade) + log10(Double(multiple))
                guard exponent >= lowerExponent - 1e-9, exponent <= upperExponent + 1e-9 else { continue }
                let value = Double(multiple) * pow10(Double(decade))
                if multiple == 1 {
                    ticks.append(Tick(value: value, label: decade % labelEvery == 0 ? powerOfTen(decade) : nil))
                } else if labelMultiples && (multiple == 2 || multiple == 5) {
                    ticks.append(Tick(value: value, label: NumberNotation(largest: value, step: value).string(value)))
                } else if decades <= 10 {
                    ticks.append(Tick(value: value, label: nil))
                }
            }
        }
        return ticks
    }

    static func powerOfTen(_ exponent: Int) -> String {
        switch exponent {
        case 0: "1"
        case 1: "10"
        case 2: "100"
        case 3: "1000"
        case -1: "0.1"
        case -2: "0.01"
        default: "10" + superscript(exponent)
        }
    }

    static func superscript(_ value: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var text = value < 0 ? "⁻" : ""
        for digit in String(value.magnitude) { text.append(digits[Int(digit.asciiValue! - 48)]) }
        return text
    }
}

/// Plain decimals for ordinary magnitudes, `m×10ⁿ` with one shared exponent for huge or tiny ones.
struct NumberNotation {
    let exponent: Int
    let decimals: Int

    init(largest: Double, step: Double) {
        let largestExponent = largest > 0 ? Int(floor(log10(largest))) : 0
        exponent = largestExponent >= 5 || largestExponent <= -4 ? largestExponent : 0
        let scaledStep = step / pow10(Double(exponent))
        let stepExponent = floor(log10(scaledStep))
        let mantissa = scaledStep / pow10(stepExponent)
        // 2.5 × 10ⁿ needs one more decimal than 1, 2 or 5 × 10ⁿ.
        var decimals = max(0, -Int(stepExponent))
        if abs(mantissa - 2.5) < 1e-6 { decimals += 1 }
        decimals = min(decimals, 6)
        self.decimals = decimals
    }

    func string(_ value: Double) -> String {
        var buffer = SVGBuffer(capacity: 16)
        if value == 0 { return "0" }
        buffer.fixed(value / pow10(Double(exponent)), decimals: decimals)
        let mantissa = buffer.string.replacingMinus()
        return exponent == 0 ? mantissa : mantissa + "×10" + Tick.superscript(exponent)
    }
}

extension String {
    /// The typographic minus reads better than a hyphen in tick labels.
    func replacingMinus() -> String { first == "-" ? "−" + dropFirst() : self }
}

func pow10(_ exponent: Double) -> Double { pow(10, exponent) }
