/// Everything that can go wrong while listing or fetching DQM files, each
/// case naming the URL or path involved. Never carries key material.
public enum DQMClientError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The server answered with an HTTP error status.
    case http(status: Int, url: String)
    /// The TLS handshake failed: our client certificate was missing or
    /// rejected, or the server's certificate did not verify against the CA.
    case tls(message: String, url: String)
    /// The transfer made no progress for the stall timeout.
    case stalled(seconds: Int, url: String)
    /// Any other libcurl failure (connection refused, reset, timeout, ...).
    case transport(code: Int, message: String, url: String)
    /// The downloaded size differs from the size in the listing.
    case sizeMismatch(expected: Int64, actual: Int64, url: String)
    /// A listing page that is not the DQM GUI's directory listing.
    case unexpectedListing(reason: String, url: String)
    /// A certificate, key or passphrase file that cannot be used.
    case credentials(String)
    /// No file for the requested run in the listing.
    case runNotFound(run: Int, location: String)
    /// A series, sample or path component outside the server's allowed names.
    case invalidName(String)
    /// A local-directory source problem (missing folder, unreadable file).
    case local(message: String, path: String)

    public var description: String {
        switch self {
        case .http(404, let url): "not found (HTTP 404): \(url)"
        case .http(403, let url):
            "forbidden (HTTP 403): \(url) — is the client certificate registered for this server?"
        case .http(let status, let url): "HTTP \(status) from \(url)"
        case .tls(let message, let url):
            "TLS handshake with \(url) failed: \(message) — check the client certificate and key "
                + "(--cert/--key, ADQM_SSLCERT/ADQM_SSLKEY, X509_USER_PROXY) and the CA (--ca, ADQM_CACERT, X509_CERT_DIR)"
        case .stalled(let seconds, let url): "transfer stalled for \(seconds) s: \(url)"
        case .transport(let code, let message, let url): "transfer of \(url) failed (curl \(code)): \(message)"
        case .sizeMismatch(let expected, let actual, let url):
            "size mismatch for \(url): listing says \(expected) bytes, received \(actual)"
        case .unexpectedListing(let reason, let url): "unexpected listing page at \(url): \(reason)"
        case .credentials(let message): "client credentials: \(message)"
        case .runNotFound(let run, let location): "run \(run) not found in \(location)"
        case .invalidName(let name):
            "invalid name '\(name)': names are letters, digits, '-' and '_' (plus .root, .zip or .ig)"
        case .local(let message, let path): "\(path): \(message)"
        }
    }

    /// Whether another attempt may succeed (network trouble, server 5xx).
    var isTransient: Bool {
        switch self {
        // A size mismatch after a complete transfer means the file changed since
        // it was listed: only a new listing helps, not another attempt.
        case .stalled, .transport: true
        case .http(let status, _): status >= 500 || status == 408 || status == 429
        default: false
        }
    }
}
