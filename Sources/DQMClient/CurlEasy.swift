internal import CCurl
import Foundation

/// One libcurl easy handle, cleaned up when released. Used by one transfer
/// at a time on one thread.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_ALL)) }()

    init() throws {
        _ = Self.globalInit
        guard let handle = curl_easy_init() else {
            throw DQMClientError.transport(code: -1, message: "curl_easy_init failed", url: "")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        adqm_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) {
        adqm_curl_setopt_long(handle, option, value)
    }

    func set(_ option: CURLoption, _ value: String?) {
        adqm_curl_setopt_string(handle, option, value)
    }

    func setOffset(_ option: CURLoption, _ value: Int64) {
        adqm_curl_setopt_off_t(handle, option, curl_off_t(value))
    }

    func setWriteFunction(_ callback: curl_write_callback, context: UnsafeMutableRawPointer) {
        adqm_curl_setopt_write_function(handle, callback)
        adqm_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
    }

    /// Performs the transfer; returns curl's code and its detailed message.
    func perform() -> (code: CURLcode, message: String) {
        errorBuffer[0] = 0
        let code = curl_easy_perform(handle)
        let detail = String(cString: errorBuffer)
        return (code, detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
    }

    var responseCode: Int {
        var code = 0
        adqm_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// The server's `Last-Modified` as epoch seconds (needs `CURLOPT_FILETIME`).
    var fileTime: Int64? {
        var time: curl_off_t = -1
        adqm_curl_getinfo_off_t(handle, CURLINFO_FILETIME_T, &time)
        return time >= 0 ? Int64(time) : nil
    }

    /// True when a time condition (If-Modified-Since) was not met: HTTP 304.
    var conditionUnmet: Bool {
        var unmet = 0
        adqm_curl_getinfo_long(handle, CURLINFO_CONDITION_UNMET, &unmet)
        return unmet != 0
    }
}
