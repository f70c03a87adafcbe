/// An endpoint failure as a value, with a one-line message that says what to do.
///
/// Messages never include the API key, not even in part.
public struct LLMError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// No key configured for an endpoint that needs one.
        public static let missingKey = Code("missingKey")
        /// The base URL is malformed.
        public static let invalidConfiguration = Code("invalidConfiguration")
        /// 401 or 403: the key was refused.
        public static let unauthorized = Code("unauthorized")
        /// 404 naming the model.
        public static let modelNotFound = Code("modelNotFound")
        /// 429.
        public static let rateLimited = Code("rateLimited")
        /// 5xx.
        public static let serverError = Code("serverError")
        /// Any other 4xx: the server refused the request as malformed.
        public static let badRequest = Code("badRequest")
        /// DNS, connection refused or reset, proxy.
        public static let unreachable = Code("unreachable")
        /// The TLS handshake failed or the certificate is not trusted.
        public static let tls = Code("tls")
        /// Connect, first byte, idle or total time ran out.
        public static let timeout = Code("timeout")
        /// The body is not what the API promises: invalid JSON, no choices, an error event.
        public static let invalidResponse = Code("invalidResponse")
        /// The stream ended before the answer did.
        public static let truncated = Code("truncated")
        /// The provider's content filter withheld the answer.
        public static let contentFiltered = Code("contentFiltered")
        /// The answer stopped at the token limit, so its SQL may be cut short.
        public static let lengthLimit = Code("lengthLimit")
        /// The answer passed the size datachat reads (`LLMConfiguration.maxReplyBytes`) and was cut.
        public static let replyTooLarge = Code("replyTooLarge")
        public static let cancelled = Code("cancelled")
    }

    public var code: Code
    public var message: String
    /// The HTTP status, when the server answered.
    public var status: Int?
    /// Seconds the server asked us to wait (Retry-After).
    public var retryAfter: Double?
    /// True when the same request may well succeed if sent again (a dropped connection, a 503).
    public var isTransient: Bool
    /// The answer's text as far as it was read, for an answer cut at `maxReplyBytes`.
    public var partialReply: String?

    public init(
        _ code: Code, _ message: String, status: Int? = nil, retryAfter: Double? = nil, isTransient: Bool = false
    ) {
        self.code = code
        self.message = message
        self.status = status
        self.retryAfter = retryAfter
        self.isTransient = isTransient
    }

    public var description: String { message }
}
