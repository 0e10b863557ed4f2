/// TH1, the base of every histogram. Layout versions: 3 (ROOT 4), 6 (5.28), 7 (5.34–6.08),
/// 8 (6.14–6.40, adds fStatOverflows); 4 and 5 follow the same rules (fBuffer since 4).
extension ObjectReader {
    static let tH1Versions = 3...8
    static let attributeVersions = 1...3

    mutating func tH1(into record: inout HistogramRecord) throws(ROOTIOError) {
        let header = try header("TH1")
        try check(header, known: Self.tH1Versions)
        (record.name, record.title) = try tNamed()
        try skipBlock("TAttLine")
        try skipBlock("TAttFill")
        try skipBlock("TAttMarker")
        record.cellCount = Int(try bytes.i32())
        record.axes = [try tAxis(), try tAxis(), try tAxis()]
        _ = try bytes.i16()  // fBarOffset
        _ = try bytes.i16()  // fBarWidth
        record.entries = try bytes.f64()
        record.sumOfWeights = try bytes.f64()
        record.sumOfSquaredWeights = try bytes.f64()
        record.firstMoments = [try bytes.f64()]
        record.secondMoments = [try bytes.f64()]
        try bytes.skip(3 * 8)  // fMaximum, fMinimum, fNormFactor
        _ = try bytes.array(.float64)  // fContour
        record.sumw2 = try bytes.array(.float64)
        _ = try bytes.string()  // fOption
        try skipList("TList")  // fFunctions
        if header.version >= 4 {
            let bufferSize = Int(try bytes.i32())
            if try bytes.u8() != 0 { _ = try bytes.numbers(.float64, count: bufferSize) }
        }
        if header.version >= 7 { _ = try bytes.i32() }  // fBinStatErrOpt
        if header.version >= 8 { _ = try bytes.i32() }  // fStatOverflows
        try finish(header)
        guard record.sumw2.isEmpty || record.sumw2.count == record.cellCount else {
            throw bytes.error(.invalid("\(record.className): fSumw2 has \(record.sumw2.count) of \(record.cellCount) cells"))
        }
    }

    /// TH2 (versions 3–5): TH1, then fScalefactor and the y sums.
    mutating func tH2(into record: inout HistogramRecord) throws(ROOTIOError) {
        let header = try header("TH2")
        try check(header, known: 3...5)
        try tH1(into: &record)
        _ = try bytes.f64()  // fScalefactor
        record.firstMoments.append(try bytes.f64())
        record.secondMoments.append(try bytes.f64())
        _ = try bytes.f64()  // fTsumwxy
        try finish(header)
    }

    /// TH3 (versions 3–6): TH1, an empty TAtt3D block, then the y and z sums.
    mutating func tH3(into record: inout HistogramRecord) throws(ROOTIOError) {
        let header = try header("TH3")
        try check(header, known: 3...6)
        try tH1(into: &record)
        try skipBlock("TAtt3D")
        record.firstMoments.append(try bytes.f64())
        record.secondMoments.append(try bytes.f64())
        _ = try bytes.f64()  // fTsumwxy
        record.firstMoments.append(try bytes.f64())
        record.secondMoments.append(try bytes.f64())
        try bytes.skip(2 * 8)  // fTsumwxz, fTsumwyz
        try finish(header)
    }

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
