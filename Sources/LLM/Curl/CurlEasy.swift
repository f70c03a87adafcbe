import CCurl

/// An easy handle and everything it points at, kept alive together; freed by its only owner.
///
/// Blocking: `perform` runs on the caller's thread. The executable never calls it from Swift's
/// cooperative pool, and cancellation reaches it through the progress callback.
/// https://curl.se/libcurl/c/libcurl-easy.html
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// Where libcurl writes its detailed error text; it must stay at one address for the handle's life.
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    fileprivate var responseBody: [UInt8] = []
    fileprivate var responseHeaders: [(String, String)] = []
    fileprivate var onData: (([UInt8]) -> Void)?
    fileprivate var isCancelled: (@Sendable () -> Bool)?
    fileprivate var wasCancelled = false

    init() throws(LLMError) {
        CurlGlobal.ensureInitialized()
        guard let handle = curl_easy_init() else {
            throw LLMError(.unreachable, "could not start an HTTP client (libcurl failed to initialise)")
        }
        self.handle = handle
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Performs `request`, handing each body chunk to `onData` as it arrives when given one.
    func perform(
        _ request: HTTPRequest, isCancelled: (@Sendable () -> Bool)? = nil, onData: (([UInt8]) -> Void)? = nil
    ) throws(LLMError) -> HTTPResponse {
        self.onData = onData
        self.isCancelled = isCancelled
        responseBody = []
        responseHeaders = []
        wasCancelled = false
        curl_slist_free_all(headerList)
        headerList = nil
        // Sending "Expect:" turns off curl's 100-continue wait, a full round trip on every large prompt.
        for (name, value) in request.headers + [("Expect", "")] {
            headerList = curl_slist_append(headerList, value.isEmpty ? "\(name):" : "\(name): \(value)")
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = dc_curl_setopt_string(handle, CURLOPT_URL, request.url)
        _ = dc_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
        _ = dc_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
        _ = dc_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = dc_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(request.connectTimeout * 1000))
        _ = dc_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(request.totalTimeout * 1000))
        _ = dc_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = dc_curl_setopt_string(handle, CURLOPT_USERAGENT, "datachat")
        errorBuffer[0] = 0
        _ = dc_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = dc_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteCallback)
        _ = dc_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = dc_curl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, curlHeaderCallback)
        _ = dc_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        _ = dc_curl_setopt_long(handle, CURLOPT_NOPROGRESS, isCancelled == nil ? 1 : 0)
        _ = dc_curl_setopt_xferinfo_callback(handle, curlProgressCallback)
        _ = dc_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context)

        let code: CURLcode = request.body.withUnsafeBufferPointer { body in
            _ = dc_curl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            _ = dc_curl_setopt_pointer(
                handle, CURLOPT_POSTFIELDS, body.isEmpty ? nil : UnsafeMutableRawPointer(mutating: body.baseAddress))
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            throw failure(code, url: request.url)
        }
        var status = 0
        _ = dc_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var firstByte: curl_off_t = 0
        var total: curl_off_t = 0
        _ = dc_curl_getinfo_off(handle, CURLINFO_STARTTRANSFER_TIME_T, &firstByte)
        _ = dc_curl_getinfo_off(handle, CURLINFO_TOTAL_TIME_T, &total)
        return HTTPResponse(
            status: status, headers: responseHeaders, body: responseBody,
            firstByteSeconds: Double(firstByte) / 1e6, totalSeconds: Double(total) / 1e6)
    }

    /// Maps a transfer failure to what the user should check.
    private func failure(_ code: CURLcode, url: String) -> LLMError {
        let detail = String(cString: errorBuffer).trimmingTrailingNewline()
        let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_ABORTED_BY_CALLBACK where wasCancelled:
            return LLMError(.cancelled, "the request was cancelled")
        case CURLE_OPERATION_TIMEDOUT:
            return LLMError(.timeout, "the endpoint did not answer in time (\(reason)): try again or raise the timeout")
        case CURLE_COULDNT_RESOLVE_HOST:
            return LLMError(.unreachable, "cannot resolve the endpoint's host (\(reason)): check OPENAI_BASE_URL")
        case CURLE_COULDNT_RESOLVE_PROXY:
            return LLMError(.unreachable, "cannot resolve the proxy (\(reason)): check HTTPS_PROXY")
        case CURLE_COULDNT_CONNECT:
            return LLMError(
                .unreachable, "cannot connect to the endpoint (\(reason)): is the server running? check OPENAI_BASE_URL")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            return LLMError(
                .unreachable, "TLS with the endpoint failed (\(reason)): check the URL, or set SSL_CERT_FILE to your CA bundle")
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return LLMError(.invalidConfiguration, "the endpoint URL is not valid (\(reason)): check OPENAI_BASE_URL")
        default:
            return LLMError(.unreachable, "the request to the endpoint failed: \(reason)")
        }
    }
}

private func curlWriteCallback(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?)
    -> Int
{
    guard let data, let context else { return 0 }
    let easy = Unmanaged<CurlEasy>.fromOpaque(context).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
    if let onData = easy.onData {
        onData(Array(bytes))
    } else {
        easy.responseBody.append(contentsOf: bytes)
    }
    return size * count
}

private func curlHeaderCallback(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?)
    -> Int
{
    guard let data, let context else { return 0 }
    let easy = Unmanaged<CurlEasy>.fromOpaque(context).takeUnretainedValue()
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
    if line.hasPrefix("HTTP/") {
        easy.responseHeaders = []  // a new response (after a redirect or 100 Continue)
    } else if let colon = line.firstIndex(of: ":") {
        let name = String(line[..<colon])
        let value = String(line[line.index(after: colon)...]).trimmingTrailingNewline().trimmingLeadingSpaces()
        easy.responseHeaders.append((name, value))
    }
    return size * count
}

private func curlProgressCallback(
    _ context: UnsafeMutableRawPointer?, _ downloadTotal: curl_off_t, _ downloaded: curl_off_t,
    _ uploadTotal: curl_off_t, _ uploaded: curl_off_t
) -> Int32 {
    guard let context else { return 0 }
    let easy = Unmanaged<CurlEasy>.fromOpaque(context).takeUnretainedValue()
    if let isCancelled = easy.isCancelled, isCancelled() {
        easy.wasCancelled = true
        return 1
    }
    return 0
}

extension String {
    func trimmingTrailingNewline() -> String {
        var text = Substring(self)
        while let last = text.last, last == "\n" || last == "\r" || last == " " { text.removeLast() }
        return String(text)
    }

    func trimmingLeadingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }))
    }
}
