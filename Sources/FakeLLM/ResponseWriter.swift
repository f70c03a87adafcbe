#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes responses to one connection's socket; used by that connection's thread only.
///
/// Bytes are gathered in `pending` and go out in one `send` at `flush()`, so a response without delays
/// (headers plus a whole event stream) costs one system call.
final class ResponseWriter {
    private let socket: Int32
    private var pending: [UInt8] = []
    /// Set once a send fails; later writes are dropped.
    private(set) var failed = false

    init(socket: Int32) {
        self.socket = socket
        pending.reserveCapacity(16 * 1024)
    }

    func append(_ text: String) {
        pending.append(contentsOf: text.utf8)
    }

    func append(_ bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
    }

    /// Sends everything appended so far; false when the peer is gone.
    @discardableResult
    func flush() -> Bool {
        defer { pending.removeAll(keepingCapacity: true) }
        guard !failed, !pending.isEmpty else { return !failed }
        pending.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = send(
                    socket, buffer.baseAddress.map { $0 + offset }, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent > 0 {
                    offset += sent
                } else if sent < 0 && errno == EINTR {
                    continue
                } else {
                    failed = true
                    return
                }
            }
        }
        return !failed
    }

    /// The status line and headers; `Connection` is added from `close`.
    func appendHead(status: Int, headers: [(String, String)], close: Bool) {
        var head = "HTTP/1.1 \(status) \(HTTPStatus.reason(status))\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        head += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n"
        append(head)
    }

    /// A complete response with a Content-Length, sent at once.
    func respond(
        status: Int, headers: [(String, String)] = [], contentType: String = "application/json",
        body: String, close: Bool
    ) {
        let bytes = Array(body.utf8)
        appendHead(
            status: status,
            headers: [("Content-Type", contentType), ("Content-Length", String(bytes.count))] + headers,
            close: close
        )
        append(bytes)
        flush()
    }

    /// The interim response curl waits for before it sends a large body.
    func sendContinue() {
        append("HTTP/1.1 100 Continue\r\n\r\n")
        flush()
    }
}

/// Reason phrases for the status line.
enum HTTPStatus {
    static func reason(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }
}
