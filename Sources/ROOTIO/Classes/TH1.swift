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
        try bytes.skipArray(.float64)  // fContour
        record.sumw2 = try bytes.array(.float64)
        try bytes.skipString()  // fOption
        try skipList("TList")  // fFunctions
        if header.version >= 4 {
            let bufferSize = Int(try bytes.i32())
            if try bytes.u8() != 0 { try bytes.skipNumbers(.float64, count: bufferSize) }
        }
        if header.version >= 7 { _ = try bytes.i32() }  // fBinStatErrOpt
        if header.version >= 8 { _ = try bytes.i32() }  // fStatOverflows
        try finish(header)
        guard record.sumw2.isEmpty || record.sumw2.count == record.cellCount else {
            throw bytes.error(.invalid("\(record.className): fSumw2 has \(record.sumw2.count) of \(record.cellCount) cells"))
        }
    }
}
