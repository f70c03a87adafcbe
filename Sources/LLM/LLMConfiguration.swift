/// How to reach an OpenAI-compatible endpoint. Built once by the executable from flags, environment
/// and `.env`, then passed in: nothing below reads the environment.
public struct LLMConfiguration: Sendable {
    /// The API root, such as `https://api.openai.com/v1` or `http://localhost:11434/v1`.
    public var baseURL: String
    /// The bearer key; nil for local servers that need none.
    public var apiKey: String?
    public var model: String
    /// Seconds to establish the connection.
    public var connectTimeout: Double
    /// Seconds for the whole request.
    public var totalTimeout: Double
    /// Sampling temperature; nil leaves the server's default.
    public var temperature: Double?
    /// Headers added to every request (name, value), e.g. for gateways that want their own.
    public var extraHeaders: [(String, String)]

    public init(
        baseURL: String, apiKey: String?, model: String, connectTimeout: Double = 10, totalTimeout: Double = 120,
        temperature: Double? = 0, extraHeaders: [(String, String)] = []
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.model = model
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.temperature = temperature
        self.extraHeaders = extraHeaders
    }

    public static let openAIBaseURL = "https://api.openai.com/v1"
    public static let defaultModel = "gpt-4o-mini"

    /// The host of the base URL, which the history records instead of the whole URL.
    public var endpointHost: String {
        var rest = Substring(baseURL)
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<end]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        return String(authority)
    }

    /// True when the endpoint is OpenAI's own, which always needs a key; local servers often need none.
    public var requiresKey: Bool {
        endpointHost.lowercased().hasSuffix("openai.com")
    }
}
