@testable import Render
import Testing

/// Hand-written number formatting and tick choice, checked against plain expectations.
@Suite struct FormattingTests {
    func fixed(_ value: Double, _ decimals: Int) -> String {
        var buffer = SVGBuffer(capacity: 16)
        buffer.fixed(value, decimals: decimals)
        return buffer.string
    }

    @Test func fixedDropsTrailingZeros() {
        #expect(fixed(12.05, 2) == "12.05")
        #expect(fixed(12.5, 2) == "12.5")
        #expect(fixed(-0.04, 1) == "0")
        #expect(fixed(-3.25, 1) == "-3.3" || fixed(-3.25, 1) == "-3.2")
        #expect(fixed(1234567, 1) == "1234567")
        #expect(fixed(.nan, 1) == "0")
        #expect(fixed(1e300, 1) == "900000000000000000")
    }

    @Test func integers() {
        var buffer = SVGBuffer(capacity: 32)
        buffer.int(0); buffer.raw(" "); buffer.int(-905); buffer.raw(" "); buffer.int(Int.min)
        #expect(buffer.string == "0 -905 -9223372036854775808")
    }

    @Test func linearTicksAreNice() {
        let ticks = Tick.linear(from: 0, to: 97, target: 5)
        #expect(ticks.map(\.value) == [0, 20, 40, 60, 80])
        #expect(ticks.map(\.label) == ["0", "20", "40", "60", "80"])
        let fine = Tick.linear(from: -1, to: 1, target: 8)
        #expect(fine.map(\.label) == ["−1", "−0.75", "−0.5", "−0.25", "0", "0.25", "0.5", "0.75", "1"])
    }

    @Test func hugeNumbersUseAPowerOfTen() {
        let ticks = Tick.linear(from: 0, to: 1.3e13, target: 4)
        #expect(ticks.map(\.label) == ["0", "0.5×10¹³", "1×10¹³"] || ticks.map(\.label) == ["0", "5×10¹²", "10×10¹²"])
    }

    @Test func logTicksLabelDecades() {
        let ticks = Tick.logarithmic(from: 0, to: 3)
        #expect(ticks.compactMap(\.label) == ["1", "10", "100", "1000"])
        #expect(ticks.count == 28)
    }

    @Test func pullColoursAreSymmetric() {
        let scale = ColorScale.pulls(cap: 4)
        #expect(scale.level(0) == 10)
        #expect(scale.level(100) == 20 && scale.level(-100) == 0)
        #expect(scale.level(2) - 10 == 10 - scale.level(-2))
    }

    @Test func latexBecomesUnicode() {
        #expect(Latex.plain("#eta vs #phi [#circ]") == "η vs φ [°]")
        #expect(Latex.runs("p_{T} [GeV]").map(\.0) == ["p", "T", " [GeV]"])
    }
}
