/// TProfile (versions 4–7), TProfile2D (5–8) and TProfile3D (≤ 8): a TH1D/TH2D/TH3D base
/// holding Σw·v per cell, then fBinEntries, fErrorMode, the value range and sums, and
/// (TProfile ≥ 6, TProfile2D ≥ 7) fBinSumw2, read only when bytes remain before the end.
extension ObjectReader {
    static let profileVersions = 1...8

    mutating func profile(_ className: String, dimension: Int) throws(ROOTIOError) -> HistogramRecord {
        let header = try header(className)
        try check(header, known: Self.profileVersions)
        let baseClass = ["TH1D", "TH2D", "TH3D"][dimension - 1]
        var record = try concreteHistogram(baseClass, dimension: dimension, element: .float64)
        record.className = className
        let binEntries = try bytes.array(.float64)
        let errorMode = Int(try bytes.i32())
        try bytes.skip(2 * 8)  // value range: fYmin/fYmax, fZmin/fZmax or fTmin/fTmax
        let valueMoments = (try bytes.f64(), try bytes.f64())
        var binSumw2: [Double] = []
        if let end = header.end, bytes.position < end { binSumw2 = try bytes.array(.float64) }
        try finish(header)
        guard binEntries.count == record.cellCount, binSumw2.isEmpty || binSumw2.count == record.cellCount else {
            throw bytes.error(.invalid("\(className): \(binEntries.count) bin entries, \(binSumw2.count) Σw² for \(record.cellCount) cells"))
        }
        guard (0...3).contains(errorMode) else { throw bytes.error(.invalid("\(className): error mode \(errorMode)")) }
        record.profile = ProfileRecord(
            binEntries: binEntries, errorMode: errorMode, valueMoments: valueMoments, binSumw2: binSumw2)
        return record
    }
}
