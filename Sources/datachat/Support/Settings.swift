import Assistant
import Databases
import FoundationEssentials
import LLM
import Render

/// Everything a run is configured with, resolved once from flags, then the environment, then `.env`,
/// then defaults, and passed down. Nothing below the executable reads the environment.
struct Settings {
    /// nil: the bundled sample.
    var databaseURL: String?
    var historyURL: String
    var llm: LLMConfiguration
    var format: OutputFormat
    var showSQL: Bool
    var sqlOnly: Bool
    var maxRows: Int
    var statementTimeout: Double
    var maxRepairs: Int
    var sessionID: String?
    var tableContextPath: String?
    /// What of the data may leave the machine (`--share`, DATACHAT_SHARE).
    var share: SharingLevel
    /// Tokens a request may take (DATACHAT_CONTEXT_BUDGET; `datachat prompt --budget`).
    var contextBudget: Int
    /// PostgreSQL schemas to describe; empty: the ones on the search path.
    var schemas: [String]
    var promptsDirectory: String?
    var sampleDirectory: String?
    var cacheDirectory: String
    /// Where the line editor keeps its history (XDG_STATE_HOME/datachat).
    var stateDirectory: String
    var color: Bool
    var userName: String
    var home: String
    /// The pager for results taller than the screen ($PAGER; default `less -SRFX`; empty: none).
    var pager: String?
    /// The terminal takes UTF-8 (LC_ALL, LC_CTYPE or LANG say so), for the spinner's braille frames.
    var unicode: Bool
    /// A base URL or a key was given: the local model is not considered.
    var endpointConfigured: Bool
    /// The model on this machine, when no endpoint is configured (no --base-url, OPENAI_BASE_URL or key):
    /// `resolveLocalModel` points `llm` at it.
    var localModel: LocalModel?
    /// Timeouts the user chose, which the local model's longer defaults leave alone.
    var userTimeouts: Set<String>
    /// What the user should know before anything runs (a key sent in clear, a password in `ps`), said once.
    var warnings: [String]

    static let version = "0.1.0"

    /// The process environment with `.env` from the working directory underneath it.
    static func environment() -> [String: String] {
        let process = ProcessInfo.processInfo.environment
        let dotEnv = DotEnv.load(path: FileManager.default.currentDirectoryPath + "/.env")
        return dotEnv.merging(process) { _, processValue in processValue }
    }

    init(options: GlobalOptions, environment: [String: String]) throws(CommandFailure) {
        func value(_ flag: String?, _ variable: String) -> String? {
            if let flag, !flag.isEmpty { return flag }
            if let env = environment[variable], !env.isEmpty { return env }
            return nil
        }
        let home = environment["HOME"] ?? "/tmp"
        let dataHome = value(nil, "XDG_DATA_HOME") ?? home + "/.local/share"
        let cacheHome = value(nil, "XDG_CACHE_HOME") ?? home + "/.cache"

        databaseURL = value(options.databaseURL, "DATABASE_URL")
        historyURL =
            value(options.historyURL, "DATACHAT_HISTORY_URL") ?? "sqlite://" + dataHome + "/datachat/history.sqlite"
        let configuredURL = value(options.baseURL, "OPENAI_BASE_URL")
        let apiKey = value(nil, "OPENAI_API_KEY") ?? value(nil, "AZURE_OPENAI_API_KEY")
        llm = LLMConfiguration(
            baseURL: configuredURL ?? LLMConfiguration.openAIBaseURL, apiKey: apiKey,
            model: value(options.model, "DATACHAT_MODEL") ?? LLMConfiguration.defaultModel)
        endpointConfigured = configuredURL != nil || apiKey != nil
        localModel = !endpointConfigured ? LocalModel.locate(environment: environment) : nil
        userTimeouts = Set(Self.localModelTimeouts.keys.filter { value(nil, $0) != nil })
        try Self.readEndpointSettings(into: &llm, value: { value(nil, $0) })
        let formatName = value(options.format, "DATACHAT_FORMAT") ?? "table"
        guard let format = OutputFormat(rawValue: formatName.lowercased()) else {
            throw CommandFailure(
                "unknown format \"\(formatName)\": use one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        self.format = format
        showSQL = options.showSQL
        sqlOnly = options.sqlOnly
        maxRows = try Self.positive(
            options.maxRows.map(String.init) ?? value(nil, "DATACHAT_MAX_ROWS"), "--max-rows", 1_000)
        statementTimeout = try Self.timeout(options.timeout.map(String.init) ?? value(nil, "DATACHAT_TIMEOUT"))
        maxRepairs = try Self.positive(value(nil, "DATACHAT_MAX_REPAIRS"), "DATACHAT_MAX_REPAIRS", 2, allowZero: true)
        sessionID = options.session
        tableContextPath = value(options.tableContext, "DATACHAT_TABLE_CONTEXT")
        share = try Self.sharingLevel(value(options.share, "DATACHAT_SHARE"))
        contextBudget = try Self.positive(value(nil, "DATACHAT_CONTEXT_BUDGET"), "DATACHAT_CONTEXT_BUDGET", 6_000)
        schemas = (value(options.schema, "DATACHAT_SCHEMA") ?? "").split(separator: ",")
            .map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
        let resources = ResourceLocator(environment: environment)
        promptsDirectory = resources.promptsDirectory
        sampleDirectory = resources.sampleDirectory
        cacheDirectory = cacheHome + "/datachat"
        stateDirectory = (value(nil, "XDG_STATE_HOME") ?? home + "/.local/state") + "/datachat"
        color = environment["NO_COLOR"].map(\.isEmpty) ?? true
        userName = environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
        self.home = home
        pager = Pager.command(environment: environment)
        let locale = value(nil, "LC_ALL") ?? value(nil, "LC_CTYPE") ?? value(nil, "LANG") ?? ""
        unicode = locale.lowercased().filter { $0 != "-" }.contains("utf8")
        warnings =
            [llm.cleartextKeyWarning].compactMap { $0 }
            + [("--database-url", options.databaseURL), ("--history-url", options.historyURL)].compactMap { flag, url in
                (url.flatMap { try? DatabaseLocation(parsing: $0) })?.carriesPassword == true
                    ? DatabaseLocation.passwordOnCommandLine(flag: flag) : nil
            }
    }

    /// The endpoint's transport: style, timeouts, retries, headers, TLS trust and proxy, as curl users
    /// expect them (SSL_CERT_FILE, CURL_CA_BUNDLE, HTTPS_PROXY, NO_PROXY), with datachat's own names first.
    static func readEndpointSettings(
        into llm: inout LLMConfiguration, value: (String) -> String?
    ) throws(CommandFailure) {
        if let style = value("DATACHAT_API_STYLE") {
            guard let parsed = APIStyle(rawValue: style.lowercased()) else {
                throw CommandFailure("DATACHAT_API_STYLE must be openai or azure, not \"\(style)\"")
            }
            llm.style = parsed
        }
        if let version = value("DATACHAT_AZURE_API_VERSION") ?? value("OPENAI_API_VERSION") {
            llm.azureAPIVersion = version
        }
        func seconds(_ name: String) throws(CommandFailure) -> Double? {
            guard let text = value(name) else { return nil }
            guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
                throw CommandFailure("\(name) must be a number of seconds above 0, not \"\(text)\"")
            }
            return seconds
        }
        if let connect = try seconds("DATACHAT_LLM_CONNECT_TIMEOUT") { llm.connectTimeout = connect }
        if let firstByte = try seconds("DATACHAT_LLM_FIRST_BYTE_TIMEOUT") { llm.firstByteTimeout = firstByte }
        if let idle = try seconds("DATACHAT_LLM_IDLE_TIMEOUT") { llm.idleTimeout = idle }
        if let total = try seconds("DATACHAT_LLM_TIMEOUT") { llm.totalTimeout = total }
        if let base = try seconds("DATACHAT_LLM_RETRY_DELAY") { llm.retryBaseDelay = base }
        llm.maxAttempts = try positive(value("DATACHAT_LLM_MAX_ATTEMPTS"), "DATACHAT_LLM_MAX_ATTEMPTS", llm.maxAttempts)
        llm.maxReplyBytes = try positive(
            value("DATACHAT_LLM_MAX_REPLY_BYTES"), "DATACHAT_LLM_MAX_REPLY_BYTES", llm.maxReplyBytes)
        if let stream = value("DATACHAT_STREAM") {
            switch stream.lowercased() {
            case "1", "true", "yes", "on": llm.streaming = true
            case "0", "false", "no", "off": llm.streaming = false
            default: throw CommandFailure("DATACHAT_STREAM must be on or off, not \"\(stream)\"")
            }
        }
        if let headers = value("DATACHAT_EXTRA_HEADERS") { llm.extraHeaders = try extraHeaders(headers) }
        llm.caBundlePath = value("DATACHAT_CA_BUNDLE") ?? value("CURL_CA_BUNDLE") ?? value("SSL_CERT_FILE")
        llm.caDirectory = value("SSL_CERT_DIR")
        if let bundle = llm.caBundlePath, !FileManager.default.fileExists(atPath: bundle) {
            throw CommandFailure(
                "the CA bundle \(bundle) does not exist: check DATACHAT_CA_BUNDLE, CURL_CA_BUNDLE or SSL_CERT_FILE")
        }
        // As curl does: https_proxy or HTTPS_PROXY for https, only lowercase http_proxy for http (the
        // uppercase one can be set by a CGI request), then all_proxy.
        let https = llm.baseURL.lowercased().hasPrefix("https:")
        let proxy =
            https
            ? value("https_proxy") ?? value("HTTPS_PROXY") : value("http_proxy")
        llm.proxy = proxy ?? value("all_proxy") ?? value("ALL_PROXY")
        llm.noProxy = value("no_proxy") ?? value("NO_PROXY")
    }

    /// `Name: value` pairs separated by newlines or semicolons (DATACHAT_EXTRA_HEADERS).
    static func extraHeaders(_ text: String) throws(CommandFailure) -> [(String, String)] {
        var headers: [(String, String)] = []
        for entry in text.split(whereSeparator: { $0 == "\n" || $0 == ";" }) {
            let trimmed = String(entry).trimmedLine()
            if trimmed.isEmpty { continue }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw CommandFailure("DATACHAT_EXTRA_HEADERS entries are \"Name: value\"; one has no colon")
            }
            let name = String(trimmed[..<colon]).trimmedLine()
            let headerValue = String(trimmed[trimmed.index(after: colon)...]).trimmedLine()
            let allowed = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
            guard !name.isEmpty, name.allSatisfy({ allowed.contains($0) }) else {
                // The value is never repeated: it may be a secret.
                throw CommandFailure("DATACHAT_EXTRA_HEADERS has an invalid header name \"\(name)\"")
            }
            headers.append((name, headerValue))
        }
        return headers
    }

    /// `--timeout` / DATACHAT_TIMEOUT, within the range both engines accept (`QueryLimits.timeoutRange`).
    static func timeout(_ text: String?) throws(CommandFailure) -> Double {
        guard let text else { return 30 }
        do {
            return try QueryLimits.timeout(text, setting: "--timeout (DATACHAT_TIMEOUT)")
        } catch {
            throw CommandFailure(error.message)
        }
    }

    static func sharingLevel(_ text: String?) throws(CommandFailure) -> SharingLevel {
        guard let text else { return .default }
        guard let level = SharingLevel(rawValue: text.lowercased()) else {
            throw CommandFailure(
                "--share must be one of \(SharingLevel.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(text)\""
            )
        }
        return level
    }

    static func positive(_ text: String?, _ name: String, _ fallback: Int, allowZero: Bool = false)
        throws(CommandFailure) -> Int
    {
        guard let text else { return fallback }
        guard let number = Int(text), number > 0 || (allowZero && number == 0) else {
            throw CommandFailure("\(name) must be a whole number\(allowZero ? "" : " above 0"), not \"\(text)\"")
        }
        return number
    }
}
