/// A `TAxis` as stored: bins, range, variable edges, labels and title.
public struct AxisRecord: Sendable, Equatable {
    public var name: String
    public var title: String
    public var binCount: Int
    public var minimum: Double
    public var maximum: Double
    /// The `binCount + 1` edges of variable bins; empty for uniform bins.
    public var edges: [Double]
    /// Alphanumeric labels by bin number (the label TObjString's fUniqueID).
    public var labels: [Int: String]
    /// fBits2 kCanExtend: the axis grows with new labels; ROOT then keeps no x statistics.
    public var canExtend: Bool
    /// The bins of a range set with `SetRange` (TObject bit kAxisRange, fFirst...fLast);
    /// ROOT computes statistics over these bins only.
    public var displayedBins: ClosedRange<Int>?
}

/// TAxis versions: 6 (ROOT 4), 9 (5.28–6.06, adds fBits2 and fLabels), 10 (6.08–6.40, adds
/// fModLabs). 7 and 8 were never seen in files, so they are refused rather than guessed.
extension ObjectReader {
    static let tAxisVersions = [6, 9, 10]
    /// The TAttAxis base (version 4 since ROOT 4) is skipped by its byte count.
    /// TAxis::kAxisRange, BIT(11) of the TObject bits: a display range is set.
    static let axisRangeBit: UInt32 = 1 << 11

    mutating func tAxis() throws(ROOTIOError) -> AxisRecord {
        let header = try header("TAxis")
        guard Self.tAxisVersions.contains(header.version) else {
            throw bytes.error(.unsupportedVersion(className: "TAxis", version: header.version))
        }
        let named = try self.header("TNamed")
        let (_, bits) = try tObject()
        let name = try bytes.string(), title = try bytes.string()
        try finish(named)
        try skipBlock("TAttAxis")
        let binCount = Int(try bytes.i32())
        let minimum = try bytes.f64(), maximum = try bytes.f64()
        let edges = try bytes.array(.float64)
        let first = Int(try bytes.i32()), last = Int(try bytes.i32())
        let bits2 = header.version >= 9 ? try bytes.u16() : 0  // fBits2
        _ = try bytes.u8()  // fTimeDisplay
        try bytes.skipString()  // fTimeFormat
        var labels: [Int: String] = [:]
        if header.version >= 9 { labels = try axisLabels() }
        if header.version >= 10 { try skipListPointer() }  // fModLabs
        try finish(header)
        guard binCount >= 1, edges.isEmpty || edges.count == binCount + 1 else {
            throw bytes.error(.invalid("TAxis '\(name)': \(binCount) bins with \(edges.count) edges"))
        }
        return AxisRecord(
            name: name, title: title, binCount: binCount, minimum: minimum, maximum: maximum,
            edges: edges, labels: labels, canExtend: bits2 & 2 != 0,
            displayedBins: bits & Self.axisRangeBit != 0 && first <= last ? first...last : nil)
    }

    /// `fLabels`: null, or a THashList of TObjString whose fUniqueID is the bin number.
    private mutating func axisLabels() throws(ROOTIOError) -> [Int: String] {
        switch try pointer() {
        case .null, .reference:
            return [:]
        case .object(className: nil, end: _):
            throw bytes.error(.invalid("axis labels of unknown class"))
        case let .object(className?, _):
            var labels: [Int: String] = [:]
            try tList(className) { reader, entryClass, end throws(ROOTIOError) in
                if entryClass == "TObjString" {
                    let (text, bin) = try reader.tObjString()
                    labels[Int(bin)] = text
                } else if let end {
                    try reader.bytes.seek(to: end)
                } else {
                    throw reader.bytes.error(.invalid("\(entryClass) among axis labels"))
                }
            }
            return labels
        }
    }
}
