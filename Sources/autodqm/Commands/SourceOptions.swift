import ArgumentParser
import DQMClient
import Foundation
import RunStore

/// Where runs come from and how to authenticate: shared by every command that fetches.
struct SourceOptions: ParsableArguments {
    @Option(help: "DQM GUI base URL (default: $ADQM_DQM_URL or \(DQMServerSource.defaultServer)).")
    var server: String?

    @Option(help: "Read runs from a local or mounted directory with the server's layout instead of a server.")
    var local: String?

    @Option(help: "Repository folder: offline, relval-data, relval-mc or online.")
    var root: String = "offline"

    @Option(help: "Client certificate PEM, or grid proxy (default: $ADQM_SSLCERT, $X509_USER_PROXY, $X509_USER_CERT).")
    var cert: String?

    @Option(help: "Client key PEM (default: $ADQM_SSLKEY, $X509_USER_KEY; the certificate file when omitted).")
    var key: String?

    @Option(help: "File holding the key's passphrase (default: $ADQM_SSLKEY_PASSFILE).")
    var keyPasswordFile: String?

    @Option(help: "CA bundle PEM (default: $ADQM_CACERT).")
    var ca: String?

    @Option(help: "Hashed CA directory (default: $X509_CERT_DIR).")
    var caDir: String?

    @Option(help: "Seconds to establish a connection.")
    var connectTimeout: Int = 30

    @Option(help: "Seconds without data before a transfer is retried.")
    var stallTimeout: Int = 60

    @Option(help: "Attempts per request.")
    var attempts: Int = 4

    @Option(help: "Store folder (default: $ADQM_DB or ~/.autodqm/db).")
    var db: String?

    func dataRoot() throws -> DataRoot {
        let roots = ["offline": DataRoot.offline, "relval-data": .relvalData, "relval-mc": .relvalMC, "online": .online]
        guard let dataRoot = roots[root] else {
            throw ValidationError("--root must be one of: \(roots.keys.sorted().joined(separator: ", "))")
        }
        return dataRoot
    }

    func openStore() throws -> RunStore {
        try RunStore(directory: db.map { URL(fileURLWithPath: $0) } ?? RunStore.defaultDirectory())
    }

    func catalog(store: RunStore?) throws -> RunCatalog {
        var credentials = TLSCredentials.fromEnvironment()
        if let cert {
            credentials.certificate = cert
            credentials.key = key
        } else if let key {
            credentials.key = key
        }
        if let keyPasswordFile { credentials.passphraseFile = keyPasswordFile }
        if ca != nil || caDir != nil {
            credentials.caFile = ca
            credentials.caDirectory = caDir
        }
        var options = HTTPClientOptions()
        options.connectTimeout = connectTimeout
        options.stallTimeout = stallTimeout
        options.maxAttempts = max(1, attempts)
        let configuration = SourceConfiguration(
            server: server, localDirectory: local, credentials: credentials, options: options,
            listingCache: store?.listingsDirectory)
        return RunCatalog(source: try configuration.makeSource(), root: try dataRoot())
    }
}
