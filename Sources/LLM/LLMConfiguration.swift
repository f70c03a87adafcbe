/// How to reach an OpenAI-compatible endpoint. Built once by the executable from flags, environment
/// and `.env`, then passed in: nothing below reads the environment.
public struct LLMConfiguration: Sendable {
    /// The API root, such as `https://api.openai.com/v1`, `http://localhost:11434/v1`, or an Azure
    /// deployment (`https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT?api-version=…`).
    public var baseURL: String
    /// The key; nil for local servers that need none. Never printed, logged or stored.
    public var apiKey: String?
    public var model: String
    /// OpenAI's wire conventions or Azure's; nil detects Azure from the base URL's host.
    public var style: APIStyle?
    /// The `api-version` added to Azure URLs that carry none.
    public var azureAPIVersion: String
    /// Seconds to establish the connection (TCP and TLS).
    public var connectTimeout: Double
    /// Seconds from sending the request to the first byte of the answer.
    public var firstByteTimeout: Double
    /// Seconds a started answer may go quiet (keep-alive comments count as activity).
    public var idleTimeout: Double
    /// Seconds for the whole call, retries and their waits included.
    public var totalTimeout: Double
    /// Requests sent at most for one answer (1 turns retries off).
    public var maxAttempts: Int
    /// The first retry waits about this long; each later one twice as long, with jitter.
    public var retryBaseDelay: Double
    /// No wait between attempts is longer, unless the server's Retry-After asks for more.
    public var retryMaxDelay: Double
    /// A Retry-After longer than this is not waited for: the error is reported instead.
    public var maxRetryAfter: Double
    /// Ask for a streamed answer (server-sent events); off for servers whose streaming is broken.
    public var streaming: Bool
    /// Sampling temperature; nil leaves the server's default.
    public var temperature: Double?
    /// Headers added to every request (name, value), e.g. for gateways that want their own.
    public var extraHeaders: [(String, String)]
    /// A PEM file of CA certificates to trust instead of the system's.
    public var caBundlePath: String?
    /// A folder of hashed CA certificates (SSL_CERT_DIR).
    public var caDirectory: String?
    /// The proxy for this endpoint (from HTTPS_PROXY or ALL_PROXY); nil for none.
    public var proxy: String?
    /// Hosts reached without the proxy (NO_PROXY).
    public var noProxy: String?
    /// Bytes of one answer read at most (DATACHAT_LLM_MAX_REPLY_BYTES); an SQL answer is a few KB, so
    /// the default leaves room for long explanations and still stops a runaway or hostile server.
    public var maxReplyBytes = LLMConfiguration.defaultMaxReplyBytes

    public init(
        baseURL: String, apiKey: String?, model: String, style: APIStyle? = nil,
        azureAPIVersion: String = LLMConfiguration.defaultAzureAPIVersion, connectTimeout: Double = 10,
        firstByteTimeout: Double = 60, idleTimeout: Double = 30, totalTimeout: Double = 300, maxAttempts: Int = 3,
        retryBaseDelay: Double = 0.5, retryMaxDelay: Double = 8, maxRetryAfter: Double = 60, streaming: Bool = true,
        temperature: Double? = 0, extraHeaders: [(String, String)] = [], caBundlePath: String? = nil,
        caDirectory: String? = nil, proxy: String? = nil, noProxy: String? = nil
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.model = model
        self.style = style
        self.azureAPIVersion = azureAPIVersion
        self.connectTimeout = connectTimeout
        self.firstByteTimeout = firstByteTimeout
        self.idleTimeout = idleTimeout
        self.totalTimeout = totalTimeout
        self.maxAttempts = maxAttempts
        self.retryBaseDelay = retryBaseDelay
        self.retryMaxDelay = retryMaxDelay
        self.maxRetryAfter = maxRetryAfter
        self.streaming = streaming
        self.temperature = temperature
        self.extraHeaders = extraHeaders
        self.caBundlePath = caBundlePath
        self.caDirectory = caDirectory
        self.proxy = proxy
        self.noProxy = noProxy
    }

    public static let openAIBaseURL = "https://api.openai.com/v1"
    public static let defaultModel = "gpt-4o-mini"
    public static let defaultAzureAPIVersion = "2024-10-21"
    public static let defaultMaxReplyBytes = 512 * 1024

    /// The host of the base URL, which the history records instead of the whole URL.
    public var endpointHost: String {
        var rest = Substring(baseURL)
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<end]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        return String(authority)
    }

    /// One line when the key would cross the network in clear text: a key sent to an `http://` base URL
    /// that is not this machine. Nil otherwise (https, loopback, or no key).
    public var cleartextKeyWarning: String? {
        guard !(apiKey ?? "").isEmpty, baseURL.lowercased().hasPrefix("http://"), !isLoopback else { return nil }
        return "the API key is sent in clear text to \(endpointHost) (OPENAI_BASE_URL is http://): anyone on the "
            + "network path can read it; use https://, or reach the server through an SSH tunnel"
    }

    /// The endpoint is on this machine: localhost, 127.0.0.0/8 or ::1.
    var isLoopback: Bool {
        let authority = endpointHost.lowercased()
        let host =
            authority.hasPrefix("[")
            ? String(authority.prefix(while: { $0 != "]" }).dropFirst())
            : String(authority.prefix(while: { $0 != ":" }))
        return host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "::1"
    }

    /// The style in effect: the one set, else Azure for Azure's hosts, else OpenAI's.
    public var resolvedStyle: APIStyle {
        if let style { return style }
        let host = endpointHost.lowercased().split(separator: ":").first.map(String.init) ?? ""
        return host.hasSuffix(".openai.azure.com") || host.hasSuffix(".cognitiveservices.azure.com")
            || host.hasSuffix(".services.ai.azure.com") ? .azure : .openAI
    }

    /// True for hosted endpoints that always need a key; local servers often need none.
    public var requiresKey: Bool {
        let host = endpointHost.lowercased()
        return host.hasSuffix("openai.com") || host.hasSuffix("openrouter.ai") || resolvedStyle == .azure
    }
}

/// The two wire conventions of OpenAI-compatible endpoints.
public enum APIStyle: String, Sendable, Hashable, CaseIterable {
    /// `Authorization: Bearer KEY`, `{base}/chat/completions`, the model in the body.
    case openAI = "openai"
    /// `api-key: KEY`, `{deployment}/chat/completions?api-version=…`, the model chosen by the deployment.
    case azure
}
