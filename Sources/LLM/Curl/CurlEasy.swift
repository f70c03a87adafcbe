import Basics
import CCurl

/// An easy handle, the multi handle that drives it, and everything they point at, kept alive together
/// and freed by their only owner.
///
/// The transfer runs in our own `curl_multi_poll` loop rather than `curl_easy_perform`, so that
/// cancellation and the first-byte and idle timeouts are checked every few milliseconds instead of
/// once a second. Blocking: `perform` runs on the caller's thread. The multi handle keeps the
/// connection cache, so later requests reuse the connection.
/// https://curl.se/libcurl/c/libcurl-multi.html
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private let multi: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// Where libcurl writes its detailed error text; it must stay at one address for the handle's life.
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    /// How often the loop wakes with nothing to read, to look at the clock and the cancel flag.
    static let pollMilliseconds: Int32 = 20

    fileprivate var state = TransferState()

    init() throws(LLMError) {
        CurlGlobal.ensureInitialized()
        guard let handle = curl_easy_init() else {
            throw LLMError(.unreachable, "could not start an HTTP client (libcurl failed to initialise)")
        }
        guard let multi = curl_multi_init() else {
            curl_easy_cleanup(handle)
            throw LLMError(.unreachable, "could not start an HTTP client (libcurl failed to initialise)")
        }
        self.handle = handle
        self.multi = multi
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_multi_cleanup(multi)
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Performs `request`. With `onData`, each body chunk of a 2xx answer is handed over as it arrives
    /// (with the response head), and returning false stops the transfer; other answers, and every
    /// answer without `onData`, are collected in the returned body.
    func perform(
        _ request: HTTPRequest, cancellation: Cancellation,
        onData: ((HTTPResponseHead, UnsafeRawBufferPointer) -> Bool)? = nil
    ) throws(LLMError) -> HTTPResponse {
        let clock = ContinuousClock()
        state = TransferState(start: clock.now, onData: onData)
        state.maxBodyBytes = request.limits.maxBodyBytes
        configure(request)

        let code: CURLcode = request.body.withUnsafeBufferPointer { body in
            _ = dc_curl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            _ = dc_curl_setopt_pointer(
                handle, CURLOPT_POSTFIELDS, body.isEmpty ? nil : UnsafeMutableRawPointer(mutating: body.baseAddress))
            if request.method == "GET" { _ = dc_curl_setopt_long(handle, CURLOPT_HTTPGET, 1) }
            return run(limits: request.limits, cancellation: cancellation, clock: clock)
        }
        if let stop = state.stop {
            throw stop.error(limits: request.limits, receivedBody: state.receivedBody)
        }
        guard code == CURLE_OK else {
            throw CurlFailure.error(
                code, detail: String(cString: errorBuffer), url: request.url, proxy: request.tls.proxy,
                caBundle: request.tls.caBundlePath, receivedBody: state.receivedBody)
        }
        let firstByte = state.firstByte.map { state.start.duration(to: $0).seconds } ?? 0
        return HTTPResponse(
            status: state.head.status, headers: state.head.headers, body: state.body,
            firstByteSeconds: firstByte, totalSeconds: state.start.duration(to: clock.now).seconds)
    }

    private func configure(_ request: HTTPRequest) {
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
        _ = dc_curl_setopt_long(handle, CURLOPT_TCP_NODELAY, 1)
        _ = dc_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.limits.connect))
        // A backstop only: the loop enforces the deadline itself, with a clearer message.
        _ = dc_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.limits.totalSeconds + 5))
        _ = dc_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = dc_curl_setopt_string(handle, CURLOPT_USERAGENT, "datachat")
        // The executable resolved HTTPS_PROXY / NO_PROXY; "" keeps libcurl from reading the environment itself.
        _ = dc_curl_setopt_string(handle, CURLOPT_PROXY, request.tls.proxy ?? "")
        _ = dc_curl_setopt_string(handle, CURLOPT_NOPROXY, request.tls.noProxy)
        if let bundle = request.tls.caBundlePath { _ = dc_curl_setopt_string(handle, CURLOPT_CAINFO, bundle) }
        if let folder = request.tls.caDirectory { _ = dc_curl_setopt_string(handle, CURLOPT_CAPATH, folder) }
        errorBuffer[0] = 0
        _ = dc_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = dc_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteCallback)
        _ = dc_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = dc_curl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, curlHeaderCallback)
        _ = dc_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        _ = dc_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 1)
    }

    /// Drives the transfer until it ends, is cancelled or runs out of time; returns libcurl's result.
    /// `cancellation` carries the whole call's deadline (`LLMConfiguration.totalTimeout`).
    private func run(limits: TransferLimits, cancellation: Cancellation, clock: ContinuousClock) -> CURLcode {
        curl_multi_add_handle(multi, handle)
        defer { curl_multi_remove_handle(multi, handle) }
        var running: Int32 = 1
        while true {
            let status = curl_multi_perform(multi, &running)
            if status != CURLM_OK {
                return CURLE_FAILED_INIT
            }
            if running == 0 { break }
            switch cancellation.reason {
            case .interrupted:
                state.stop = .cancelled
                return CURLE_ABORTED_BY_CALLBACK
            case .deadlinePassed:
                state.stop = .total
                return CURLE_OPERATION_TIMEDOUT
            case nil:
                break
            }
            let now = clock.now
            if let last = state.lastByte {
                if last.duration(to: now).seconds > limits.idle {
                    state.stop = .idle
                    return CURLE_OPERATION_TIMEDOUT
                }
            } else if state.start.duration(to: now).seconds > limits.firstByte {
                state.stop = .firstByte
                return CURLE_OPERATION_TIMEDOUT
            }
            curl_multi_poll(multi, nil, 0, Self.pollMilliseconds, nil)
        }
        var remaining: Int32 = 0
        var result = CURLE_OK
        while let message = curl_multi_info_read(multi, &remaining) {
            if message.pointee.msg == CURLMSG_DONE { result = message.pointee.data.result }
        }
        return result
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        Int(min(seconds, 86_400) * 1000)
    }
}

/// The status line and headers of a response.
struct HTTPResponseHead: Sendable {
    var status = 0
    var headers: [(String, String)] = []

    func header(_ name: String) -> String? { HTTPResponse.header(name, in: headers) }
}

/// Why the loop stopped a transfer itself.
enum TransferStop {
    case cancelled, firstByte, idle, total, tooLarge

    func error(limits: TransferLimits, receivedBody: Bool) -> LLMError {
        switch self {
        case .cancelled:
            return LLMError(.cancelled, "the request was cancelled")
        case .firstByte:
            return LLMError(
                .timeout,
                "the endpoint sent nothing for \(Seconds.text(limits.firstByte)) after the request: "
                    + "it may be overloaded; try again or raise DATACHAT_LLM_FIRST_BYTE_TIMEOUT",
                isTransient: true)
        case .idle:
            return LLMError(
                .timeout,
                "the endpoint's answer stalled for \(Seconds.text(limits.idle)) \(receivedBody ? "part-way" : "before it began"): "
                    + "try again or raise DATACHAT_LLM_IDLE_TIMEOUT",
                isTransient: true)
        case .total:
            return LLMError(
                .timeout,
                "the endpoint did not finish within \(Seconds.text(limits.totalSeconds)): "
                    + "ask something shorter or raise DATACHAT_LLM_TIMEOUT")
        case .tooLarge:
            return LLMError(
                .replyTooLarge,
                "the endpoint's answer passed \(limits.maxBodyBytes) bytes and was cut there: "
                    + "ask for less, or raise DATACHAT_LLM_MAX_REPLY_BYTES")
        }
    }
}

/// Everything one transfer has learnt so far, reset by `perform`.
struct TransferState {
    var start = ContinuousClock.now
    var firstByte: ContinuousClock.Instant?
    var lastByte: ContinuousClock.Instant?
    var head = HTTPResponseHead()
    var body: [UInt8] = []
    var receivedBody = false
    var bodyBytes = 0
    var maxBodyBytes = Int.max
    var onData: ((HTTPResponseHead, UnsafeRawBufferPointer) -> Bool)?
    var stop: TransferStop?

    init() {}

    init(start: ContinuousClock.Instant, onData: ((HTTPResponseHead, UnsafeRawBufferPointer) -> Bool)?) {
        self.start = start
        self.onData = onData
    }

    mutating func noteBytes() {
        let now = ContinuousClock.now
        if firstByte == nil { firstByte = now }
        lastByte = now
    }
}

private func curlWriteCallback(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let easy = Unmanaged<CurlEasy>.fromOpaque(context).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
    return easy.receive(bytes) ? size * count : 0
}

private func curlHeaderCallback(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let easy = Unmanaged<CurlEasy>.fromOpaque(context).takeUnretainedValue()
    easy.receiveHeader(String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self))
    return size * count
}

extension CurlEasy {
    /// Returns false to stop the transfer.
    fileprivate func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        state.noteBytes()
        state.receivedBody = true
        state.bodyBytes += bytes.count
        if state.bodyBytes > state.maxBodyBytes {
            // Read no further: a reply of tens of megabytes would sit in memory and then in the history.
            state.stop = .tooLarge
            return false
        }
        if let onData = state.onData, (200..<300).contains(state.head.status) {
            return onData(state.head, bytes)
        }
        state.body.append(contentsOf: bytes)
        return true
    }

    fileprivate func receiveHeader(_ line: String) {
        state.noteBytes()
        if line.hasPrefix("HTTP/") {
            // A new response (after a redirect or 100 Continue): "HTTP/1.1 200 OK".
            state.head = HTTPResponseHead()
            let parts = line.split(separator: " ", maxSplits: 2)
            if parts.count >= 2, let status = Int(parts[1]) { state.head.status = status }
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = String(line[line.index(after: colon)...]).trimmingTrailingNewline().trimmingLeadingSpaces()
            state.head.headers.append((name, value))
        }
    }
}
