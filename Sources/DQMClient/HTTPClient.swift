internal import CCurl
public import Foundation

/// How the client talks to the server: credentials, time limits, retries.
public struct HTTPClientOptions: Sendable {
    public var credentials: TLSCredentials
    /// Seconds allowed to establish the connection (TCP and TLS).
    public var connectTimeout: Int = 30
    /// A transfer receiving nothing for this many seconds is abandoned (and retried).
    public var stallTimeout: Int = 60
    /// Attempts per request, the first included.
    public var maxAttempts: Int = 4
    /// Wait before the second attempt; doubled for each further one.
    public var retryDelay: Duration = .milliseconds(500)
    /// Transfers in flight at once (AutoDQM uses 16 workers).
    public var maxConcurrentTransfers: Int = 16
    public var userAgent: String = "AutoDQM-Swift/1.0"

    public init(credentials: TLSCredentials = TLSCredentials()) {
        self.credentials = credentials
    }
}

/// A listing or other small response held in memory.
public struct HTTPResponse: Sendable {
    /// 200, or 304 when the `If-Modified-Since` condition held (then `body` is empty).
    public let status: Int
    public let body: Data
    /// `Last-Modified` as Unix seconds, when the server sent it.
    public let lastModified: Int64?
}

/// What a completed download wrote.
public struct DownloadResult: Sendable, Equatable {
    public let size: Int64
    public let md5: String
}

/// An HTTPS client over libcurl easy handles, one per transfer, each run on
/// a dispatch thread so the blocking `curl_easy_perform` never ties up the
/// Swift concurrency pool.
public final class HTTPClient: Sendable {
    public let options: HTTPClientOptions
    private let passphrase: String?
    private let limiter: ConcurrencyLimiter
    /// Responses larger than this are refused in memory (listings are small).
    static let memoryLimit = 64 << 20

    public init(options: HTTPClientOptions) throws {
        self.options = options
        passphrase = try options.credentials.validatedPassphrase()
        limiter = ConcurrencyLimiter(limit: options.maxConcurrentTransfers)
    }

    /// GETs `url` into memory; with `ifModifiedSince` the server may answer 304.
    public func get(_ url: String, ifModifiedSince: Int64? = nil) async throws -> HTTPResponse {
        try await withRetries(url) {
            let sink = TransferSink(file: nil, url: url)
            let easy = try self.configuredHandle(url, sink: sink)
            if let ifModifiedSince {
                easy.set(CURLOPT_TIMECONDITION, Int(CURL_TIMECOND_IFMODSINCE.rawValue))
                easy.setOffset(CURLOPT_TIMEVALUE_LARGE, ifModifiedSince)
            }
            try self.perform(easy, sink: sink, url: url)
            let status = easy.conditionUnmet ? 304 : easy.responseCode
            return HTTPResponse(status: status, body: Data(sink.memory), lastModified: easy.fileTime)
        }
    }

    /// Streams `url` into `destination`, resuming from the bytes already
    /// there when the server honours ranges, and checks the final size
    /// against `expectedSize`. The caller publishes the file.
    public func download(
        _ url: String, to destination: URL, expectedSize: Int64?, progress: (@Sendable (Int64) -> Void)? = nil
    ) async throws -> DownloadResult {
        let file = try PartialFile(url: destination, progress: progress)
        return try await withRetries(url) {
            if let expectedSize, file.size > expectedSize { try file.truncate() }
            if let expectedSize, file.size == expectedSize { return DownloadResult(size: file.size, md5: try file.finish()) }
            let sink = TransferSink(file: file, url: url)
            let easy = try self.configuredHandle(url, sink: sink)
            if file.size > 0 { easy.setOffset(CURLOPT_RESUME_FROM_LARGE, file.size) }
            do {
                try self.perform(easy, sink: sink, url: url)
            } catch DQMClientError.http(status: 416, _) {
                // Range not satisfiable: what we hold is not a prefix of the file any more.
                try file.truncate()
                throw DQMClientError.transport(code: 416, message: "range not satisfiable; restarting", url: url)
            } catch DQMClientError.transport(code: Int(CURLE_RANGE_ERROR.rawValue), let message, _) {
                // The server ignores ranges: start the file over on the next attempt.
                try file.truncate()
                throw DQMClientError.transport(code: Int(CURLE_RANGE_ERROR.rawValue), message: message, url: url)
            }
            if let expectedSize, file.size != expectedSize {
                throw DQMClientError.sizeMismatch(expected: expectedSize, actual: file.size, url: url)
            }
            return DownloadResult(size: file.size, md5: try file.finish())
        }
    }

    /// Runs `attempt` on a dispatch thread, within the concurrency limit,
    /// retrying transient failures with doubling delays.
    private func withRetries<T: Sendable>(_ url: String, _ attempt: @escaping @Sendable () throws -> T) async throws -> T {
        var delay = options.retryDelay
        for attemptNumber in 1... {
            do {
                return try await limiter.withPermit { try await onDispatchThread(attempt) }
            } catch let error as DQMClientError where error.isTransient && attemptNumber < options.maxAttempts {
                try await Task.sleep(for: delay)
                delay *= 2
            }
        }
        preconditionFailure("unreachable: the loop returns or throws")
    }

    private func configuredHandle(_ url: String, sink: TransferSink) throws -> CurlEasy {
        let easy = try CurlEasy()
        easy.set(CURLOPT_URL, url)
        easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        easy.set(CURLOPT_FOLLOWLOCATION, 1)
        easy.set(CURLOPT_MAXREDIRS, 5)
        easy.set(CURLOPT_NOSIGNAL, 1)
        easy.set(CURLOPT_FAILONERROR, 1)
        easy.set(CURLOPT_FILETIME, 1)
        easy.set(CURLOPT_CONNECTTIMEOUT, options.connectTimeout)
        easy.set(CURLOPT_LOW_SPEED_LIMIT, 1)
        easy.set(CURLOPT_LOW_SPEED_TIME, options.stallTimeout)
        easy.set(CURLOPT_BUFFERSIZE, 1 << 20)
        easy.set(CURLOPT_USERAGENT, options.userAgent)
        let credentials = options.credentials
        if let certificate = credentials.certificate {
            easy.set(CURLOPT_SSLCERT, certificate)
            easy.set(CURLOPT_SSLCERTTYPE, "PEM")
            easy.set(CURLOPT_SSLKEY, credentials.key ?? certificate)
            easy.set(CURLOPT_SSLKEYTYPE, "PEM")
        }
        if let passphrase { easy.set(CURLOPT_KEYPASSWD, passphrase) }
        if let caFile = credentials.caFile { easy.set(CURLOPT_CAINFO, caFile) }
        if let caDirectory = credentials.caDirectory { easy.set(CURLOPT_CAPATH, caDirectory) }
        easy.setWriteFunction(TransferSink.writeCallback, context: Unmanaged.passUnretained(sink).toOpaque())
        return easy
    }

    private func perform(_ easy: CurlEasy, sink: TransferSink, url: String) throws {
        let (code, message) = withExtendedLifetime(sink) { easy.perform() }
        if let failure = sink.failure { throw failure }
        guard code != CURLE_OK else { return }
        throw Self.classify(code: code, message: message, status: easy.responseCode, url: url, stall: options.stallTimeout)
    }

    static func classify(code: CURLcode, message: String, status: Int, url: String, stall: Int) -> DQMClientError {
        let tlsCodes: Set<UInt32> = [35, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91, 98]
        let raw = code.rawValue
        if code == CURLE_HTTP_RETURNED_ERROR { return .http(status: status, url: url) }
        if tlsCodes.contains(raw) { return .tls(message: message, url: url) }
        let lower = message.lowercased()
        if (code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR), lower.contains("alert") {
            return .tls(message: message, url: url)
        }
        if code == CURLE_OPERATION_TIMEDOUT, lower.contains("too slow") { return .stalled(seconds: stall, url: url) }
        return .transport(code: Int(raw), message: message, url: url)
    }
}

/// Receives a transfer's bytes: into memory for listings, into a partial
/// file for downloads. Reached from libcurl's C write callback. (libcurl
/// itself refuses a 200 answer to a resumed request, with CURLE_RANGE_ERROR.)
final class TransferSink: @unchecked Sendable {
    let file: PartialFile?
    let url: String
    var memory: [UInt8] = []
    var failure: DQMClientError?

    init(file: PartialFile?, url: String) {
        self.file = file
        self.url = url
    }

    static let writeCallback: curl_write_callback = { pointer, size, count, context in
        guard let context else { return 0 }
        let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        return sink.receive(UnsafeRawBufferPointer(start: pointer, count: length)) ? length : 0
    }

    private func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let file else {
            guard memory.count + bytes.count <= HTTPClient.memoryLimit else {
                failure = .transport(code: -1, message: "response larger than \(HTTPClient.memoryLimit) bytes", url: url)
                return false
            }
            memory.append(contentsOf: bytes)
            return true
        }
        guard file.append(bytes) else {
            failure = .local(message: PartialFile.errnoText(), path: file.url.path)
            return false
        }
        return true
    }
}
