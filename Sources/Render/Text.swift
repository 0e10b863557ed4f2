import Foundation

/// Text pieces of a plot: ROOT's TLatex shorthand turned into Unicode and
/// SVG sub/superscripts, and compact numbers for tooltips.
enum Latex {
    /// The Greek letters and symbols DQM titles use, as TLatex spells them.
    private static let symbols: [(String, String)] = [
        ("#Delta", "Δ"), ("#delta", "δ"), ("#eta", "η"), ("#phi", "φ"), ("#Phi", "Φ"), ("#theta", "θ"),
        ("#mu", "μ"), ("#sigma", "σ"), ("#Sigma", "Σ"), ("#pi", "π"), ("#chi", "χ"), ("#gamma", "γ"),
        ("#alpha", "α"), ("#beta", "β"), ("#tau", "τ"), ("#rho", "ρ"), ("#lambda", "λ"), ("#nu", "ν"),
        ("#omega", "ω"), ("#Omega", "Ω"), ("#circ", "°"), ("#pm", "±"), ("#times", "×"), ("#leq", "≤"),
        ("#geq", "≥"), ("#rightarrow", "→"), ("#infty", "∞"), ("#sqrt", "√"), ("#varphi", "φ"),
    ]

    enum Shift { case none, sub, sup }

    /// Splits `p_{T} [GeV/#it{c}]` into runs: ("p", none), ("T", sub), (" [GeV/c]", none).
    static func runs(_ text: String) -> [(String, Shift)] {
        var plain = text
        // Byte tests, not Foundation's `contains`, which is a locale-aware search and
        // cost a twentieth of drawing a plot for titles that hold no markup.
        if plain.utf8.contains(UInt8(ascii: "#")) {
            for (name, symbol) in symbols where plain.contains(name) {
                plain = plain.replacingOccurrences(of: name, with: symbol)
            }
            for style in ["#it{", "#bf{", "#mathrm{", "#font[12]{", "#font[22]{"] {
                plain = plain.replacingOccurrences(of: style, with: "{")
            }
        }
        guard plain.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else { return [(plain, .none)] }
        var result: [(String, Shift)] = []
        var current = "", shift = Shift.none, depth = 0
        var characters = plain.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if depth == 0, character == "_" || character == "^" {
                let next = characters.next()
                if next == "{" {
                    if !current.isEmpty { result.append((current, shift)) }
                    current = ""
                    shift = character == "_" ? .sub : .sup
                    depth = 1
                    continue
                }
                current.append(character)
                pending = next
                continue
            }
            if character == "{" { depth += depth > 0 ? 1 : 0; continue }
            if character == "}" {
                if depth == 1 {
                    result.append((current, shift))
                    current = ""
                    shift = .none
                    depth = 0
                } else if depth > 1 {
                    depth -= 1
                }
                continue
            }
            current.append(character)
        }
        if !current.isEmpty { result.append((current, shift)) }
        return result
    }

    /// Plain Unicode text, for tooltips and width estimates.
    static func plain(_ text: String) -> String { runs(text).map(\.0).joined() }
}

extension SVGBuffer {
    enum Anchor { case start, middle, end }

    /// One `<text>` element; `rotate` in degrees about the anchor point.
    mutating func label(
        _ content: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .middle,
        rotate: Double = 0, bold: Bool = false, fill: StaticString? = nil, latex: Bool = false
    ) {
        raw("<text"); attribute("x", x); attribute("y", y)
        if size != 12 { attribute("font-size", size) }
        switch anchor {
        case .start: break
        case .middle: raw(" text-anchor=\"middle\"")
        case .end: raw(" text-anchor=\"end\"")
        }
        if bold { raw(" font-weight=\"bold\"") }
        if let fill { raw(" fill=\""); raw(fill); raw("\"") }
        if rotate != 0 {
            raw(" transform=\"rotate("); coordinate(rotate); raw(" "); coordinate(x); raw(" "); coordinate(y); raw(")\"")
        }
        raw(">")
        if latex {
            for (piece, shift) in Latex.runs(content) {
                switch shift {
                case .none: text(piece)
                case .sub: raw("<tspan baseline-shift=\"sub\" font-size=\"75%\">"); text(piece); raw("</tspan>")
                case .sup: raw("<tspan baseline-shift=\"super\" font-size=\"75%\">"); text(piece); raw("</tspan>")
                }
            }
        } else {
            text(content)
        }
        raw("</text>\n")
    }

    /// A number with about four significant digits, for tooltips.
    mutating func significant(_ value: Double) {
        guard value.isFinite else { raw(value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞")); return }
        let magnitude = value.magnitude
        if magnitude != 0 && (magnitude >= 1e7 || magnitude < 1e-4) {
            let exponent = Int(floor(log10(magnitude)))
            fixed(value / pow(10, Double(exponent)), decimals: 3)
            raw("e"); int(exponent)
            return
        }
        // Four significant digits; the decimals come from comparisons rather than log10,
        // as tooltips format hundreds of thousands of numbers.
        let decimals = switch magnitude {
        case 1000...: 0
        case 100...: 1
        case 10...: 2
        case 0.1..., 0: 3
        case 0.01...: 4
        case 0.001...: 5
        default: 6
        }
        fixed(value, decimals: decimals)
    }
}

/// A rough text width: plots lay out margins and thin out labels with it.
func estimatedWidth(_ text: String, size: Double) -> Double {
    Double(text.unicodeScalars.count) * size * 0.56
}
