/// One HTTP exchange as the client sees it, above libcurl.
struct HTTPRequest: Sendable {
    var method: String
    var url: String
    var headers: [(String, String)]
    var body: [UInt8]
    var limits: TransferLimits
    var tls: TLSSettings
}

/// How long a transfer may take, each limit checked while it runs.
struct TransferLimits: Sendable {
    /// Seconds to establish the connection (TCP and TLS).
    var connect: Double
    /// Seconds from sending the request to the first byte of the response.
    var firstByte: Double
    /// Seconds the response may go quiet once it has started (a stalled stream).
    var idle: Double
    /// The total timeout, for the message when the deadline (in the call's `Cancellation`) passes.
    var totalSeconds: Double
    /// Bytes of response body read at most: past them the transfer stops (`LLMError.Code.replyTooLarge`).
    var maxBodyBytes = Int.max
}

/// Trust and proxy settings, resolved by the executable from the environment curl users know.
struct TLSSettings: Sendable {
    var caBundlePath: String?
    var caDirectory: String?
    /// nil: no proxy.
    var proxy: String?
    var noProxy: String?
}

/// What came back: the head and, unless streamed to a callback, the body.
struct HTTPResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    var firstByteSeconds: Double
    var totalSeconds: Double

    func header(_ name: String) -> String? {
        HTTPResponse.header(name, in: headers)
    }

    static func header(_ name: String, in headers: [(String, String)]) -> String? {
        let lower = name.lowercased()
        return headers.last { $0.0.lowercased() == lower }?.1
    }
}
