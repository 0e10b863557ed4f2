extension ObjectReader {
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
}
