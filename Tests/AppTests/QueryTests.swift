import App
import Testing

@Suite("Job queries and plot URLs")
struct QueryTests {
    @Test func plotURLsRoundTripWithCanonicalReferences() throws {
        let query = try JobQuery(plotPath: "Offline/CSC/Run2018/ZeroBias/315100_315000_315100/Run2018/ZeroBias/315705".split(separator: "/").map(String.init))
        #expect(query.refs.map(\.run) == [315_000, 315_100])
        #expect(query.plotURL == "/plots/Offline/CSC/Run2018/ZeroBias/315000_315100/Run2018/ZeroBias/315705")
        #expect(query.data == RunRef(series: "Run2018", sample: "ZeroBias", run: 315_705))
    }

    @Test(arguments: [
        "Offline/CSC/Run2018/ZeroBias/315000/Run2018/ZeroBias",
        "Offline/CSC/Run2018/ZeroBias/31500x/Run2018/ZeroBias/315705",
        "Nowhere/CSC/Run2018/ZeroBias/315000/Run2018/ZeroBias/315705",
        "Offline/C$C/Run2018/ZeroBias/315000/Run2018/ZeroBias/315705",
        "Offline/CSC/Run2018/.hidden/315000/Run2018/ZeroBias/315705",
        "Offline/CSC/Run2018/ZeroBias/315000/Run2018/ZeroBias/-5",
    ])
    func malformedPlotURLsAreRefused(path: String) {
        #expect(throws: QueryError.self) { try JobQuery(plotPath: path.split(separator: "/").map(String.init)) }
    }
}
