import Assistant
import Basics
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

    /// Says each of `warnings` on standard error, once, as a run starts.
    func sayWarnings() {
        for warning in warnings { StandardError.error("warning: " + warning) }
    }

    /// What the command line gave. A field stays nil when the command does not offer that option or it
    /// was not given; the environment and `.env` then decide.
    struct Flags {
        var databaseURL: String?
        var historyURL: String?
        var baseURL: String?
        var model: String?
        var format: OutputFormat?
        var showSQL = false
        var sqlOnly = false
        var maxRows: Int?
        var timeout: Int?
        var session: String?
        var schema: String?
        var tableContext: String?
        var share: SharingLevel?
    }

    /// The process environment with `.env` from the working directory underneath it, read once.
    static func environment() -> SettingsEnvironment { SettingsEnvironment.process }

    /// Resolves every setting once: a flag wins over the environment, which wins over `.env`, which
    /// wins over the default. A bad value is reported by the name it came from (`--timeout`,
    /// `DATACHAT_TIMEOUT`, or `DATACHAT_TIMEOUT in .env`), since that is where the user fixes it.
    /// Flags arrive checked by their commands' `validate()`.
    init(flags: Flags, environment: SettingsEnvironment) throws(CommandFailure) {
        func value(_ flag: String?, _ variable: String) -> String? {
            if let flag, !flag.isEmpty { return flag }
            return environment[variable]
        }
        let home = environment.values["HOME"] ?? "/tmp"
        let dataHome = environment["XDG_DATA_HOME"] ?? home + "/.local/share"
        let cacheHome = environment["XDG_CACHE_HOME"] ?? home + "/.cache"

        databaseURL = value(flags.databaseURL, "DATABASE_URL")
        historyURL =
            value(flags.historyURL, "DATACHAT_HISTORY_URL") ?? "sqlite://" + dataHome + "/datachat/history.sqlite"
        let configuredURL = value(flags.baseURL, "OPENAI_BASE_URL")
        let apiKey = environment["OPENAI_API_KEY"] ?? environment["AZURE_OPENAI_API_KEY"]
        llm = LLMConfiguration(
            baseURL: configuredURL ?? LLMConfiguration.openAIBaseURL, apiKey: apiKey,
            model: value(flags.model, "DATACHAT_MODEL") ?? LLMConfiguration.defaultModel)
        endpointConfigured = configuredURL != nil || apiKey != nil
        localModel = !endpointConfigured ? LocalModel.locate(environment: environment.values) : nil
        userTimeouts = Set(Self.localModelTimeouts.keys.filter { environment[$0] != nil })
        try Self.readEndpointSettings(into: &llm, environment: environment)
        // A flag, when given, wins before the variable is even read: a bad value there is then no error.
        if let flag = flags.format {
            format = flag
        } else {
            format = try environment.choice("DATACHAT_FORMAT", of: OutputFormat.self) ?? .table
        }
        showSQL = flags.showSQL
        sqlOnly = flags.sqlOnly
        if let flag = flags.maxRows {
            maxRows = flag
        } else {
            maxRows = try environment.wholeNumber("DATACHAT_MAX_ROWS") ?? 1_000
        }
        // The flag's range is checked by LimitOptions.validate; the variable's here, by its own name.
        if let flag = flags.timeout {
            statementTimeout = Double(flag)
        } else if let text = environment["DATACHAT_TIMEOUT"] {
            do {
                statementTimeout = try QueryLimits.timeout(text, setting: environment.source(of: "DATACHAT_TIMEOUT"))
            } catch {
                throw CommandFailure(error.message)
            }
        } else {
            statementTimeout = 30
        }
        maxRepairs = try environment.wholeNumber("DATACHAT_MAX_REPAIRS", allowZero: true) ?? 3
        sessionID = flags.session
        tableContextPath = value(flags.tableContext, "DATACHAT_TABLE_CONTEXT")
        if let flag = flags.share {
            share = flag
        } else {
            share = try environment.choice("DATACHAT_SHARE", of: SharingLevel.self) ?? .default
        }
        contextBudget = try environment.wholeNumber("DATACHAT_CONTEXT_BUDGET") ?? 6_000
        schemas = (value(flags.schema, "DATACHAT_SCHEMA") ?? "").split(separator: ",")
            .map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
        let resources = ResourceLocator(environment: environment.values)
        promptsDirectory = resources.promptsDirectory
        sampleDirectory = resources.sampleDirectory
        cacheDirectory = cacheHome + "/datachat"
        stateDirectory = (environment["XDG_STATE_HOME"] ?? home + "/.local/state") + "/datachat"
        color = environment.values["NO_COLOR"].map(\.isEmpty) ?? true
        userName = environment.values["USER"] ?? environment.values["LOGNAME"] ?? "unknown"
        self.home = home
        pager = Pager.command(environment: environment.values)
        let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
        unicode = locale.lowercased().filter { $0 != "-" }.contains("utf8")
        warnings =
            [llm.cleartextKeyWarning].compactMap { $0 }
            + [("--database-url", flags.databaseURL), ("--history-url", flags.historyURL)].compactMap { flag, url in
                (url.flatMap { try? DatabaseLocation(parsing: $0) })?.carriesPassword == true
                    ? DatabaseLocation.passwordOnCommandLine(flag: flag) : nil
            }
    }

    /// The endpoint's transport: style, timeouts, retries, headers, TLS trust and proxy, as curl users
    /// expect them (SSL_CERT_FILE, CURL_CA_BUNDLE, HTTPS_PROXY, NO_PROXY), with datachat's own names first.
    static func readEndpointSettings(
        into llm: inout LLMConfiguration, environment: SettingsEnvironment
    ) throws(CommandFailure) {
        func value(_ variable: String) -> String? { environment[variable] }
        if let style = value("DATACHAT_API_STYLE") {
            guard let parsed = APIStyle(rawValue: style.lowercased()) else {
                throw CommandFailure(
                    "\(environment.source(of: "DATACHAT_API_STYLE")) must be openai or azure, not \"\(style)\"")
            }
            llm.style = parsed
        }
        if let version = value("DATACHAT_AZURE_API_VERSION") ?? value("OPENAI_API_VERSION") {
            llm.azureAPIVersion = version
        }
        func seconds(_ name: String) throws(CommandFailure) -> Double? {
            guard let text = value(name) else { return nil }
            guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
                throw CommandFailure(
                    "\(environment.source(of: name)) must be a number of seconds above 0, not \"\(text)\"")
            }
            return seconds
        }
        if let connect = try seconds("DATACHAT_LLM_CONNECT_TIMEOUT") { llm.connectTimeout = connect }
        if let firstByte = try seconds("DATACHAT_LLM_FIRST_BYTE_TIMEOUT") { llm.firstByteTimeout = firstByte }
        if let idle = try seconds("DATACHAT_LLM_IDLE_TIMEOUT") { llm.idleTimeout = idle }
        if let total = try seconds("DATACHAT_LLM_TIMEOUT") { llm.totalTimeout = total }
        if let base = try seconds("DATACHAT_LLM_RETRY_DELAY") { llm.retryBaseDelay = base }
        llm.maxAttempts = try environment.wholeNumber("DATACHAT_LLM_MAX_ATTEMPTS") ?? llm.maxAttempts
        llm.maxReplyBytes = try environment.wholeNumber("DATACHAT_LLM_MAX_REPLY_BYTES") ?? llm.maxReplyBytes
        if let stream = value("DATACHAT_STREAM") {
            switch stream.lowercased() {
            case "1", "true", "yes", "on": llm.streaming = true
            case "0", "false", "no", "off": llm.streaming = false
            default:
                throw CommandFailure(
                    "\(environment.source(of: "DATACHAT_STREAM")) must be on or off, not \"\(stream)\"")
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
            let trimmed = String(entry).trimmed()
            if trimmed.isEmpty { continue }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw CommandFailure("DATACHAT_EXTRA_HEADERS entries are \"Name: value\"; one has no colon")
            }
            let name = String(trimmed[..<colon]).trimmed()
            let headerValue = String(trimmed[trimmed.index(after: colon)...]).trimmed()
            let allowed = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
            guard !name.isEmpty, name.allSatisfy({ allowed.contains($0) }) else {
                // The value is never repeated: it may be a secret.
                throw CommandFailure("DATACHAT_EXTRA_HEADERS has an invalid header name \"\(name)\"")
            }
            headers.append((name, headerValue))
        }
        return headers
    }
}
