import Basics

/// One parsed HTTP/1.x request, body fully read.
struct HTTPRequest {
    var method: String
    /// The target's path, still percent-encoded, without the query.
    var path: String
    /// The raw query after `?`, or "" when there is none.
    var query: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    var version: String
    /// Header names lowercased; repeated headers joined with ", " as RFC 9110 allows.
    var headers: [String: String]
    var body: [UInt8]

    func header(_ lowercasedName: String) -> String? {
        headers[lowercasedName]
    }

    /// Whether the client asked to keep the connection open after this exchange.
    var keepAlive: Bool {
        let tokens = (header("connection") ?? "").lowercased().split(separator: ",").map { $0.trimmed() }
        if tokens.contains("close") { return false }
        return version == "HTTP/1.1" || tokens.contains("keep-alive")
    }

    /// Streams go out chunked to HTTP/1.1 clients, and until close to HTTP/1.0 ones.
    var acceptsChunked: Bool { version == "HTTP/1.1" }
}
