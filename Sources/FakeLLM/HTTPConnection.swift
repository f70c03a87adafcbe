import Basics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads HTTP/1.x requests from one accepted socket and hands each to the router, until either side closes.
///
/// Every malformed input ends in a 4xx answer and a close, never a trap: sizes are bounded, numbers are
/// parsed without overflow, and bytes that are not UTF-8 are decoded leniently.
final class HTTPConnection {
    static let maxHeadBytes = 64 * 1024
    static let maxBodyBytes = 64 * 1024 * 1024

    private let socket: Int32
    private let writer: ResponseWriter
    /// Received bytes not yet consumed start at `start`; kept to allow pipelined requests.
    private var buffer: [UInt8] = []
    private var start = 0
    private var peerClosed = false
    private var scratch = [UInt8](repeating: 0, count: 64 * 1024)

    init(socket: Int32) {
        self.socket = socket
        self.writer = ResponseWriter(socket: socket)
        buffer.reserveCapacity(64 * 1024)
    }

    /// Why reading a request stopped early: answered with `status` and a close, or silently when `nil`.
    private struct Refusal: Error {
        let status: Int?
        let message: String
    }

    /// Serves requests until the peer closes, a request asks to close, or the handler says to stop.
    /// The handler returns whether the connection may take another request.
    func serve(_ handle: (HTTPRequest, ResponseWriter) -> Bool) {
        defer { close(socket) }
        while true {
            let request: HTTPRequest
            do {
                guard let next = try readRequest() else { return }
                request = next
            } catch {
                if let status = error.status {
                    writer.respond(status: status, body: OpenAIError.body(message: error.message), close: true)
                    drainBeforeClose()
                }
                return
            }
            guard handle(request, writer), request.keepAlive, !writer.failed else { return }
        }
    }

    /// Closing with unread input makes the kernel send a reset, which can destroy the refusal before the
    /// client reads it; so stop sending, then read and drop what the client still sends, briefly.
    private func drainBeforeClose() {
        shutdown(socket, Int32(SHUT_WR))
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var drained = 0
        while drained < 16 * 1024 * 1024 {
            let received = scratch.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if received < 0 && errno == EINTR { continue }
            guard received > 0 else { return }
            drained += received
        }
    }

    // MARK: reading

    /// The next request, or `nil` when the peer closed cleanly between requests.
    private func readRequest() throws(Refusal) -> HTTPRequest? {
        compact()
        var searchFrom = start
        var headEnd: Int?
        while headEnd == nil {
            headEnd = findHeadEnd(from: searchFrom)
            if headEnd != nil { break }
            searchFrom = max(start, buffer.count - 3)
            if buffer.count - start > Self.maxHeadBytes {
                throw Refusal(status: 431, message: "Request header fields too large.")
            }
            guard receive() else {
                if buffer.count == start { return nil }
                throw Refusal(status: nil, message: "peer closed mid-request")
            }
        }
        guard let headEnd else { return nil }
        var request = try parseHead(String(decoding: buffer[start..<headEnd], as: UTF8.self))
        start = headEnd + 4

        let expectsContinue = request.header("expect")?.lowercased() == "100-continue"
        if let encoding = request.header("transfer-encoding") {
            guard encoding.lowercased().split(separator: ",").last?.trimmed() == "chunked" else {
                throw Refusal(status: 501, message: "Unsupported Transfer-Encoding: \(encoding).")
            }
            if expectsContinue && start == buffer.count { writer.sendContinue() }
            request.body = try readChunkedBody()
        } else if let lengthText = request.header("content-length") {
            let length = try parseContentLength(lengthText)
            if expectsContinue && buffer.count - start < length && length > 0 { writer.sendContinue() }
            request.body = try readExactly(length)
        }
        return request
    }

    private func parseHead(_ head: String) throws(Refusal) -> HTTPRequest {
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)[...]
        guard let requestLine = lines.popFirst() else { throw Refusal(status: 400, message: "Empty request.") }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[1].hasPrefix("/") || parts[1].hasPrefix("http") else {
            throw Refusal(status: 400, message: "Malformed request line.")
        }
        let version = String(parts[2])
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            throw Refusal(status: 505, message: "HTTP version not supported: \(version).")
        }
        var target = Substring(parts[1])
        if target.hasPrefix("http://") || target.hasPrefix("https://") {
            // Absolute form: keep only the path and query.
            let afterScheme = target[target.index(target.startIndex, offsetBy: target.hasPrefix("https") ? 8 : 7)...]
            target = afterScheme.firstIndex(of: "/").map { afterScheme[$0...] } ?? "/"
        }
        let path: Substring
        let query: Substring
        if let mark = target.firstIndex(of: "?") {
            path = target[..<mark]
            query = target[target.index(after: mark)...]
        } else {
            path = target
            query = ""
        }

        var headers: [String: String] = [:]
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw Refusal(status: 400, message: "Malformed header line.")
            }
            let name = line[..<colon].lowercased()
            guard !name.contains(" "), !name.contains("\t") else {
                throw Refusal(status: 400, message: "Malformed header name.")
            }
            let value = line[line.index(after: colon)...].trimmed()
            if let earlier = headers[name] {
                guard name != "content-length" || earlier == value else {
                    throw Refusal(status: 400, message: "Conflicting Content-Length headers.")
                }
                if name != "content-length" { headers[name] = earlier + ", " + value }
            } else {
                headers[name] = value
            }
        }
        return HTTPRequest(
            method: String(parts[0]), path: String(path), query: String(query), version: version,
            headers: headers, body: [])
    }

    private func parseContentLength(_ text: String) throws(Refusal) -> Int {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text.utf8.count <= 12,
            let length = Int(text)
        else { throw Refusal(status: 400, message: "Invalid Content-Length: \(text).") }
        guard length <= Self.maxBodyBytes else {
            throw Refusal(status: 413, message: "Request body larger than \(Self.maxBodyBytes) bytes.")
        }
        return length
    }

    private func readChunkedBody() throws(Refusal) -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeLine = try readLine()
            let sizeText = sizeLine.split(separator: ";", maxSplits: 1).first.map { $0.trimmed() } ?? ""
            guard !sizeText.isEmpty, sizeText.utf8.count <= 8, let size = Int(sizeText, radix: 16), size >= 0 else {
                throw Refusal(status: 400, message: "Invalid chunk size.")
            }
            guard body.count + size <= Self.maxBodyBytes else {
                throw Refusal(status: 413, message: "Request body larger than \(Self.maxBodyBytes) bytes.")
            }
            if size == 0 {
                while try !readLine().isEmpty {}  // trailer fields, ignored
                return body
            }
            body += try readExactly(size)
            guard try readLine().isEmpty else { throw Refusal(status: 400, message: "Malformed chunk.") }
        }
    }

    /// One CRLF-terminated line of a chunked body, without the CRLF.
    private func readLine() throws(Refusal) -> String {
        var scanFrom = start
        while true {
            if let end = findCRLF(from: scanFrom) {
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = end + 2
                return line
            }
            if buffer.count - start > Self.maxHeadBytes { throw Refusal(status: 400, message: "Chunk line too long.") }
            scanFrom = max(start, buffer.count - 1)
            guard receive() else { throw Refusal(status: nil, message: "peer closed mid-body") }
        }
    }

    private func readExactly(_ count: Int) throws(Refusal) -> [UInt8] {
        while buffer.count - start < count {
            guard receive() else { throw Refusal(status: nil, message: "peer closed mid-body") }
        }
        let bytes = Array(buffer[start..<start + count])
        start += count
        return bytes
    }

    /// Appends what the socket has; false on close, error or the receive timeout.
    private func receive() -> Bool {
        guard !peerClosed else { return false }
        while true {
            let received = scratch.withUnsafeMutableBytes { raw in
                recv(socket, raw.baseAddress, raw.count, 0)
            }
            if received < 0 && errno == EINTR { continue }
            guard received > 0 else {
                peerClosed = true
                return false
            }
            buffer.append(contentsOf: scratch[0..<received])
            return true
        }
    }

    /// Drops consumed bytes so the buffer does not grow across keep-alive requests.
    private func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private func findHeadEnd(from index: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            var i = index
            while i + 3 < bytes.count {
                if bytes[i + 3] == 0x0A && bytes[i + 2] == 0x0D && bytes[i + 1] == 0x0A && bytes[i] == 0x0D {
                    return i
                }
                i += 1
            }
            return nil
        }
    }

    private func findCRLF(from index: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            var i = index
            while i + 1 < bytes.count {
                if bytes[i] == 0x0D && bytes[i + 1] == 0x0A { return i }
                i += 1
            }
            return nil
        }
    }
}
