extension ObjectReader {
    /// A concrete TH1x/TH2x/TH3x: its base, then the cell array of `element`.
    /// Versions 1–4; TH1L-style classes write version 0 without a checksum.
    mutating func concreteHistogram(
        _ className: String, dimension: Int, element: NumericElement
    ) throws(ROOTIOError) -> HistogramRecord {
        var record = HistogramRecord(className: className, dimension: dimension)
        let header = try header(className)
        try check(header, known: 0...4)
        switch dimension {
        case 1: try tH1(into: &record)
        case 2: try tH2(into: &record)
        default: try tH3(into: &record)
        }
        record.cells = try bytes.array(element)
        try finish(header)
        guard record.cells.count == record.cellCount else {
            throw bytes.error(.invalid("\(className): \(record.cells.count) cells stored, fNcells is \(record.cellCount)"))
        }
        return record
    }
}
