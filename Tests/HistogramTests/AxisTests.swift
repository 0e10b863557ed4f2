import Histogram
import Testing

@Suite struct AxisTests {
    @Test func uniformBinsFollowROOT() throws {
        let axis = try Axis(binCount: 4, lowerEdge: 0, upperEdge: 2)
        #expect(axis.lowEdge(ofBin: 1) == 0)
        #expect(axis.upEdge(ofBin: 4) == 2)
        #expect(axis.center(ofBin: 2) == 0.75)
        #expect(axis.bin(containing: -0.1) == 0)
        #expect(axis.bin(containing: 0) == 1)
        #expect(axis.bin(containing: 1.999) == 4)
        #expect(axis.bin(containing: 2) == 5)
        #expect(axis.edges == [0, 0.5, 1, 1.5, 2])
    }

    @Test func variableBinsUseTheirEdges() throws {
        let axis = try Axis(binCount: 3, lowerEdge: 0, upperEdge: 10, variableEdges: [0, 1, 5, 10])
        #expect(axis.width(ofBin: 2) == 4)
        #expect(axis.center(ofBin: 3) == 7.5)
        #expect(axis.bin(containing: 4.99) == 2)
        #expect(axis.bin(containing: 5) == 3)
    }

    @Test func invalidAxesThrowInsteadOfTrapping() {
        #expect(throws: HistogramError.invalidBinCount(axis: 1, count: 0)) {
            try Axis(binCount: 0, lowerEdge: 0, upperEdge: 1, index: 1)
        }
        #expect(throws: HistogramError.self) { try Axis(binCount: 2, lowerEdge: 0, upperEdge: .nan) }
        #expect(throws: HistogramError.self) {
            try Axis(binCount: 2, lowerEdge: 0, upperEdge: 1, variableEdges: [0, 2, 1])
        }
    }
}
