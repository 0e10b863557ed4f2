import Foundation
import Render
import Testing

/// CFormat must print exactly what `String(format:)` printed before it replaced it.
struct CFormatTests {
    @Test(arguments: [0.0, -0.0, 1, 0.5, 0.125, 2.5e-7, 3.5881847415932183e-01, 99.995, 100, 1e300, -1e-300, .nan, .infinity])
    func matchesFoundation(_ value: Double) {
        #expect(CFormat.double(value, "%.2E") == String(format: "%.2E", value))
        #expect(CFormat.double(value, "%.2f%%") == String(format: "%.2f%%", value))
        #expect(CFormat.double(value, "%.1f") == String(format: "%.1f", value))
        #expect(CFormat.double(value, "%.4g") == String(format: "%.4g", value))
    }

    @Test func longOutputIsNotCut() {
        let text = CFormat.double(1e300, "%.2f")
        #expect(text.count == 304)
        #expect(text == String(format: "%.2f", 1e300))
    }
}
