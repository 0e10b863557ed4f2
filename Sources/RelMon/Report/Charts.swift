import Foundation
import Render

/// Inline SVG charts that replace RelMon's Google Image Charts and Chart.js: a pie of the
/// four statuses, a half-circle success gauge and the rank distribution.
enum Charts {
    static let order: [RelMonStatus] = [.success, .null, .fail, .skipped]

    static func color(_ status: RelMonStatus) -> String {
        switch status {
        case .success: "#3cb043"
        case .null: "#f2c500"
        case .fail: "#e0301e"
        case .skipped: "#8a8a8a"
        }
    }

    /// A pie of success/null/fail/skipped shares; a grey disc marked N/A when empty.
    static func pie(_ tally: Tally, size: Int, label: String) -> String {
        let radius = Double(size) / 2, center = radius
        let tooltip = XMLText.escape("\(label)\n" + order.map { "\($0.rawValue): \(HTML.percent(tally.rate(of: $0)))" }
            .joined(separator: " "))
        var shapes = ""
        if tally.weight == 0 {
            shapes = "<circle cx=\"\(center)\" cy=\"\(center)\" r=\"\(radius)\" fill=\"#d5d9de\"/>"
                + "<text x=\"\(center)\" y=\"\(center + 4)\" font-size=\"\(max(9, size / 6))\" text-anchor=\"middle\" fill=\"#5f6b7a\">N/A</text>"
        } else {
            var angle = -Double.pi / 2
            for status in order where tally.count(of: status) > 0 {
                let share = Double(tally.count(of: status)) / Double(tally.weight)
                if share >= 1 {
                    shapes += "<circle cx=\"\(center)\" cy=\"\(center)\" r=\"\(radius)\" fill=\"\(color(status))\"/>"
                    break
                }
                let end = angle + share * 2 * Double.pi
                let large = share > 0.5 ? 1 : 0
                shapes += "<path d=\"M\(f(center)),\(f(center)) L\(f(center + radius * cos(angle))),\(f(center + radius * sin(angle))) "
                    + "A\(f(radius)),\(f(radius)) 0 \(large) 1 \(f(center + radius * cos(end))),\(f(center + radius * sin(end))) Z\" "
                    + "fill=\"\(color(status))\"/>"
                angle = end
            }
        }
        return "<svg class=\"pie\" width=\"\(size)\" height=\"\(size)\" viewBox=\"0 0 \(size) \(size)\" role=\"img\">"
            + "<title>\(tooltip)</title>\(shapes)</svg>"
    }

    /// RelMon's gauge (`build_gauge`): success rates below 80 % sit at the left end.
    static func gauge(rate: Double, label: String) -> String {
        let scaled = min(1, max(0, (rate - 0.8) / 0.2))
        let width = 160.0, radius = 70.0, cx = 80.0, cy = 80.0
        let angle = Double.pi * (1 - scaled)
        let end = (cx + radius * cos(angle), cy - radius * sin(angle))
        // Red below the floor, through amber, to green at 100 %.
        let hue = Int(120 * scaled)
        let arc = scaled > 0
            ? "<path d=\"M\(f(cx - radius)),\(f(cy)) A\(f(radius)),\(f(radius)) 0 0 1 \(f(end.0)),\(f(end.1))\" "
                + "stroke=\"hsl(\(hue),70%,45%)\" stroke-width=\"18\" fill=\"none\"/>"
            : ""
        return "<svg width=\"\(Int(width))\" height=\"95\" viewBox=\"0 0 160 95\" role=\"img\"><title>\(XMLText.escape(label))</title>"
            + "<path d=\"M10,80 A70,70 0 0 1 150,80\" stroke=\"#e3e6ea\" stroke-width=\"18\" fill=\"none\"/>\(arc)"
            + "<text x=\"80\" y=\"76\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"600\" fill=\"#1d2330\">"
            + "\(HTML.percent(100 * rate))</text>"
            + "<text x=\"10\" y=\"93\" font-size=\"9\" fill=\"#5f6b7a\">80%</text>"
            + "<text x=\"150\" y=\"93\" font-size=\"9\" text-anchor=\"end\" fill=\"#5f6b7a\">100%</text></svg>"
    }

    /// RelMon's "Ranks Summary": ranks in 50 bins over [−0.01, 1.001] (negative error
    /// codes counted as underflow), with the cumulative fraction as a red line.
    static func rankDistribution(_ ranks: [Double]) -> String {
        let bins = 50, low = -0.01, high = 1.001
        var counts = [Int](repeating: 0, count: bins)
        var underflow = 0
        for rank in ranks where rank.isFinite {
            if rank < low { underflow += 1; continue }
            let bin = min(bins - 1, Int((rank - low) / (high - low) * Double(bins)))
            counts[bin] += 1
        }
        let width = 520.0, height = 260.0, left = 44.0, bottom = 30.0, top = 12.0, right = 44.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = Double(max(1, counts.max() ?? 1)), total = Double(max(1, counts.reduce(0, +) + underflow))
        var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
            + "<title>Distribution of ranks (p-values); \(underflow) negative error codes</title>"
            + "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" fill=\"#fafbfc\" stroke=\"#c5cbd3\"/>"
        let barWidth = plotWidth / Double(bins)
        var cumulative = Double(underflow), line: [String] = []
        for (bin, count) in counts.enumerated() {
            let barHeight = plotHeight * Double(count) / maximum
            if count > 0 {
                svg += "<rect x=\"\(f(left + Double(bin) * barWidth))\" y=\"\(f(top + plotHeight - barHeight))\" "
                    + "width=\"\(f(barWidth * 0.9))\" height=\"\(f(barHeight))\" fill=\"#1f3a5f\"/>"
            }
            cumulative += Double(count)
            line.append("\(f(left + Double(bin + 1) * barWidth)),\(f(top + plotHeight * (1 - cumulative / total)))")
        }
        svg += "<polyline points=\"\(f(left)),\(f(top + plotHeight * (1 - Double(underflow) / total))) \(line.joined(separator: " "))\" "
            + "fill=\"none\" stroke=\"#e0301e\" stroke-width=\"2\"/>"
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let x = left + (tick - low) / (high - low) * plotWidth
            svg += "<text x=\"\(f(x))\" y=\"\(f(height - 12))\" font-size=\"10\" text-anchor=\"middle\">\(tick)</text>"
            svg += "<text x=\"\(f(width - right + 4))\" y=\"\(f(top + plotHeight * (1 - tick) + 3))\" font-size=\"10\" fill=\"#e0301e\">\(tick)</text>"
        }
        svg += "<text x=\"\(f(left))\" y=\"\(f(top + 10))\" font-size=\"10\" dx=\"-40\">\(Int(maximum))</text>"
        svg += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 1))\" font-size=\"10\" text-anchor=\"middle\">rank (p-value)</text>"
        svg += "<text x=\"\(f(width - 2))\" y=\"\(f(height - 1))\" font-size=\"10\" text-anchor=\"end\" fill=\"#e0301e\">cumulative</text></svg>"
        return svg
    }

    private static func f(_ value: Double) -> String { CFormat.double(value, "%.1f") }
}
