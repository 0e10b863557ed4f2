public import Foundation

/// Where the client certificate, key and trusted CAs come from. Only file
/// paths are kept here; the passphrase is read from its file at use time and
/// handed to libcurl, never logged or stored.
public struct TLSCredentials: Sendable, Equatable {
    /// PEM client certificate (for a grid proxy: the proxy file, which holds the chain and key).
    public var certificate: String?
    /// PEM private key; nil when `certificate` holds the key too.
    public var key: String?
    /// File whose first line is the key's passphrase, for encrypted keys.
    public var passphraseFile: String?
    /// PEM bundle of trusted CAs.
    public var caFile: String?
    /// Hashed CA directory (`X509_CERT_DIR`, e.g. `/etc/grid-security/certificates`).
    public var caDirectory: String?

    public init(
        certificate: String? = nil, key: String? = nil, passphraseFile: String? = nil,
        caFile: String? = nil, caDirectory: String? = nil
    ) {
        self.certificate = certificate
        self.key = key
        self.passphraseFile = passphraseFile
        self.caFile = caFile
        self.caDirectory = caDirectory
    }

    /// The credentials the environment names, in the order the CMS tools use:
    /// AutoDQM's `ADQM_SSLCERT`/`ADQM_SSLKEY`, then a grid proxy
    /// (`X509_USER_PROXY`), then `X509_USER_CERT`/`X509_USER_KEY`. CAs from
    /// `ADQM_CACERT`, then `X509_CERT_DIR`. `ADQM_SSLKEY_PASSFILE` names a passphrase file.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> TLSCredentials
    {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        var credentials = TLSCredentials()
        if let certificate = value("ADQM_SSLCERT") {
            credentials.certificate = certificate
            credentials.key = value("ADQM_SSLKEY")
        } else if let proxy = value("X509_USER_PROXY") {
            credentials.certificate = proxy
        } else if let certificate = value("X509_USER_CERT") {
            credentials.certificate = certificate
            credentials.key = value("X509_USER_KEY")
        }
        credentials.passphraseFile = value("ADQM_SSLKEY_PASSFILE")
        if let caFile = value("ADQM_CACERT") {
            credentials.caFile = caFile
        } else if let caDirectory = value("X509_CERT_DIR") {
            credentials.caDirectory = caDirectory
        }
        return credentials
    }

    /// Checks the named files are readable and returns the passphrase, if any.
    func validatedPassphrase() throws -> String? {
        for (role, path) in [("certificate", certificate), ("key", key), ("passphrase file", passphraseFile), ("CA file", caFile)] {
            if let path, !FileManager.default.isReadableFile(atPath: path) {
                throw DQMClientError.credentials("\(role) \(path) is not readable")
            }
        }
        if let caDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: caDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw DQMClientError.credentials("CA directory \(caDirectory) does not exist")
            }
        }
        guard let passphraseFile else { return nil }
        guard let data = FileManager.default.contents(atPath: passphraseFile),
            let text = String(data: data, encoding: .utf8)
        else { throw DQMClientError.credentials("passphrase file \(passphraseFile) is not readable UTF-8") }
        return String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
