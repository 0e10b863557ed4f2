public import DQMClient

/// The run catalogs of one run source, one per repository folder (`Offline`, `RelVal`...).
public struct Catalogs: Sendable {
    public let source: any RunSource

    public init(source: any RunSource) {
        self.source = source
    }

    public func catalog(for name: String) throws(QueryError) -> RunCatalog {
        guard let root = JobQuery.sources[name] else { throw QueryError("unknown source '\(name)'") }
        return RunCatalog(source: source, root: root)
    }
}
