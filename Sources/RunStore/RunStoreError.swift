/// Store failures, naming the path involved.
public enum RunStoreError: Error, CustomStringConvertible, Sendable {
    case io(String, path: String)
    case notStored(path: String)
    case corruptRow(path: String)

    public var description: String {
        switch self {
        case .io(let message, let path): "\(path): \(message)"
        case .notStored(let path): "\(path) is not in the store"
        case .corruptRow(let path): "store metadata for \(path) is incomplete"
        }
    }
}
