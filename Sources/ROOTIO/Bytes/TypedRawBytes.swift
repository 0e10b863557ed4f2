extension Array where Element == UInt8 {
    /// `withUnsafeBytes` for a body that throws only `ROOTIOError` (the standard library's
    /// form is `rethrows`, which erases the error type).
    func withRawBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws(ROOTIOError) -> Result
    ) throws(ROOTIOError) -> Result {
        try withUnsafeBytes { raw in Swift.Result { () throws(ROOTIOError) in try body(raw) } }.get()
    }
}
