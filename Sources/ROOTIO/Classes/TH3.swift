extension ObjectReader {
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
}
