/// `TObjString` (version 1): a TObject and a string. DQM scalars are stored as these.
extension ObjectReader {
    static let tObjStringVersions = 1...1

    /// Returns the string and the TObject's fUniqueID (a bin number for axis labels).
    mutating func tObjString() throws(ROOTIOError) -> (text: String, uniqueID: UInt32) {
        let header = try header("TObjString")
        try check(header, known: Self.tObjStringVersions)
        let (uniqueID, _) = try tObject()
        let text = try bytes.string()
        try finish(header)
        return (text, uniqueID)
    }
}
