import DQMClient
import Foundation
import TestSupport
import Testing

/// Listing and downloading over real HTTPS with a client certificate, against
/// the loopback server, including its fault modes.
@Suite struct ServerTransferTests {
    static let runPath =
        "OfflineData/Run2018/ZeroBias/0003157xx/DQM_V0001_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root"

    private func fixtureBytes() throws -> Data { try Data(contentsOf: Fixtures.dqmRun(315_705)) }

    private func download(_ source: DQMServerSource) async throws -> (DownloadResult, Data) {
        let folder = try temporaryDirectory("download")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("file.part")
        let expected = Int64(try fixtureBytes().count)
        let result = try await source.download(Self.runPath, expectedSize: expected, to: target, progress: nil)
        return (result, try Data(contentsOf: target))
    }

    @Test func listsRunsOverHTTPSWithAClientCertificate() async throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        let catalog = RunCatalog(source: try server.source())
        #expect(try await catalog.series() == ["Run2018"])
        #expect(try await catalog.samples(series: "Run2018") == ["ZeroBias"])
        let runs = try await catalog.runs(series: "Run2018", sample: "ZeroBias")
        #expect(runs.map(\.run) == [315_000, 315_100, 315_200, 315_705])
        #expect(runs.last?.size == Int64(try fixtureBytes().count))
    }

    @Test func downloadsTheFileIntact() async throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        let (result, bytes) = try await download(try server.source())
        #expect(bytes == (try fixtureBytes()))
        #expect(result.size == Int64(bytes.count))
        let md5sum = try DQMTestServer.run("/usr/bin/env", ["md5sum", Fixtures.dqmRun(315_705).path]).output
        #expect(md5sum.hasPrefix(result.md5))
    }

    @Test func missingOrForeignClientCertificateIsATLSError() async throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        let noCertificate = TLSCredentials(caFile: server.file("ca.pem"))
        let foreign = TLSCredentials(certificate: server.file("wrong-client.pem"), key: server.file("wrong-client.key"), caFile: server.file("ca.pem"))
        let untrustedServer = TLSCredentials(certificate: server.file("client.pem"), key: server.file("client.key"), caFile: server.file("other-ca.pem"))
        for (credentials, hint) in [(noCertificate, "certificate required"), (foreign, "unknown ca"), (untrustedServer, "certificate")] {
            let source = try server.source(credentials: credentials)
            do {
                _ = try await source.list("OfflineData")
                Issue.record("listing succeeded with \(credentials)")
            } catch let DQMClientError.tls(message, url) {
                #expect(message.contains(hint), "\(message)")
                #expect(url.hasSuffix("/data/browse/ROOT/OfflineData/"))
            }
        }
        #expect(throws: DQMClientError.credentials("certificate /nonexistent.pem is not readable")) {
            try HTTPClient(options: HTTPClientOptions(credentials: TLSCredentials(certificate: "/nonexistent.pem")))
        }
    }

    @Test func encryptedKeyWithPassphraseFileAndProxyFileWork() async throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        let encrypted = TLSCredentials(
            certificate: server.file("client.pem"), key: server.file("client-encrypted.key"),
            passphraseFile: server.file("passphrase.txt"), caFile: server.file("ca.pem"))
        #expect(try await server.source(credentials: encrypted).list("OfflineData").map(\.name) == ["Run2018"])
        let proxy = TLSCredentials.fromEnvironment(["X509_USER_PROXY": server.file("proxy.pem"), "ADQM_CACERT": server.file("ca.pem")])
        #expect(proxy.certificate == server.file("proxy.pem") && proxy.key == nil)
        #expect(try await server.source(credentials: proxy).list("OfflineData").map(\.name) == ["Run2018"])
        let wrongPassphrase = try temporaryDirectory("pass")
        defer { try? FileManager.default.removeItem(at: wrongPassphrase) }
        let passFile = wrongPassphrase.appendingPathComponent("p.txt")
        try Data("wrong\n".utf8).write(to: passFile)
        var bad = encrypted
        bad.passphraseFile = passFile.path
        await #expect(throws: DQMClientError.self) { try await server.source(credentials: bad).list("OfflineData") }
    }

    @Test func adqmEnvironmentVariablesTakePrecedence() {
        let credentials = TLSCredentials.fromEnvironment([
            "ADQM_SSLCERT": "/a/cert.pem", "ADQM_SSLKEY": "/a/key.pem", "ADQM_CACERT": "/a/ca.pem",
            "X509_USER_PROXY": "/tmp/x509up_u0", "X509_CERT_DIR": "/etc/grid-security/certificates",
        ])
        #expect(credentials == TLSCredentials(certificate: "/a/cert.pem", key: "/a/key.pem", caFile: "/a/ca.pem"))
        let grid = TLSCredentials.fromEnvironment(["X509_USER_CERT": "/c.pem", "X509_USER_KEY": "/k.pem", "X509_CERT_DIR": "/d"])
        #expect(grid == TLSCredentials(certificate: "/c.pem", key: "/k.pem", caDirectory: "/d"))
    }

    @Test func droppedConnectionIsResumedWithARange() async throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        let (_, bytes) = try await download(try server.source(mode: "drop-once"))
        #expect(bytes == (try fixtureBytes()))
        let gets = server.requests().filter { $0.contains(".root") }
        #expect(gets.count == 2)
        #expect(gets.first?.hasPrefix("200 ") == true)
        #expect(gets.last?.hasPrefix("206 ") == true && gets.last?.contains("bytes=") == true)
    }

    @Test func stalledTransferIsAbandonedAndResumed() async throws {
        // The server would stay silent for 5 minutes; the client gives up after 2 s of silence.
        let server = try DQMTestServer(stallSeconds: 300)
        defer { server.stop() }
        let started = ContinuousClock.now
        let (_, bytes) = try await download(try server.source(mode: "stall-once"))
        #expect(bytes == (try fixtureBytes()))
        #expect(ContinuousClock.now - started < .seconds(120))
        #expect(server.requests().filter { $0.contains(".root") }.last?.hasPrefix("206 ") == true)
    }

    @Test func serverIgnoringRangesRestartsTheFile() async throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        let (result, bytes) = try await download(try server.source(mode: "drop-once-norange"))
        #expect(bytes == (try fixtureBytes()))
        #expect(result.size == Int64(bytes.count))
        // Dropped at half; the resume is answered 200 (refused, file truncated); then a full 200.
        let gets = server.requests().filter { $0.contains(".root") }
        #expect(gets.map { $0.prefix(4) } == ["200 ", "200 ", "200 "])
        #expect(gets[1].hasSuffix("bytes=\(bytes.count / 2)-"))
    }

    @Test func serverErrorsAreRetriedABoundedNumberOfTimes() async throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        var options = HTTPClientOptions(credentials: server.credentials)
        options.maxAttempts = 3
        options.retryDelay = .milliseconds(20)
        let source = DQMServerSource(server: server.server(mode: "unavailable"), client: try HTTPClient(options: options))
        await #expect(throws: DQMClientError.http(status: 503, url: source.url("OfflineData", directory: true))) {
            try await source.list("OfflineData")
        }
        #expect(server.requests().count == 3)
    }

    @Test func sizeDifferentFromTheListingIsRejected() async throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        let folder = try temporaryDirectory("size")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try server.source()
        let actual = Int64(try fixtureBytes().count)
        await #expect(throws: DQMClientError.sizeMismatch(expected: actual + 10, actual: actual, url: source.url(Self.runPath, directory: false))) {
            try await source.download(Self.runPath, expectedSize: actual + 10, to: folder.appendingPathComponent("f.part"), progress: nil)
        }
    }

    @Test func missingFileIsA404WithoutRetries() async throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        let source = try server.source()
        await #expect(throws: DQMClientError.http(status: 404, url: source.url("OfflineData/Run1999", directory: true))) {
            try await source.list("OfflineData/Run1999")
        }
        let folder = try temporaryDirectory("missing")
        defer { try? FileManager.default.removeItem(at: folder) }
        await #expect(throws: DQMClientError.self) {
            try await source.download("OfflineData/Nope.root", expectedSize: nil, to: folder.appendingPathComponent("x"), progress: nil)
        }
        #expect(server.requests().filter { $0.hasPrefix("404 ") }.count == 2)
        // A run whose block folder does not exist is "not found", not an HTTP error.
        await #expect(throws: DQMClientError.runNotFound(run: 999_999, location: "\(source.server) OfflineData/Run2018/ZeroBias")) {
            try await RunCatalog(source: source).runFile(series: "Run2018", sample: "ZeroBias", run: 999_999)
        }
    }

    @Test func unexpectedListingPageIsReported() async throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        await #expect(throws: DQMClientError.self) { try await server.source(mode: "odd").list("OfflineData") }
        do {
            _ = try await server.source(mode: "odd").list("OfflineData")
        } catch {
            #expect("\(error)".contains("unexpected listing page"))
        }
    }

    @Test func repeatedListingIsRevalidatedWithIfModifiedSince() async throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        let folder = try temporaryDirectory("listings")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try server.source(cache: try ListingCache(directory: folder))
        let first = try await source.list("OfflineData/Run2018/ZeroBias")
        let second = try await source.list("OfflineData/Run2018/ZeroBias")
        #expect(first == second && first.count == 4)
        #expect(server.requests().map { $0.prefix(4) } == ["200 ", "304 "])
    }
}
