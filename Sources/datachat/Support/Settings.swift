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
    /// PostgreSQL schemas to describe; empty: the ones on the search path.
    var schemas: [String]
    var promptsDirectory: String?
    var sampleDirectory: String?
    var cacheDirectory: String
    /// Where the line editor keeps its history (XDG_STATE_HOME/datachat).
    var stateDirectory: String
    var color: Bool
    var userName: String

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
        historyURL = value(options.historyURL, "DATACHAT_HISTORY_URL") ?? "sqlite://" + dataHome + "/datachat/history.sqlite"
        llm = LLMConfiguration(
            baseURL: value(options.baseURL, "OPENAI_BASE_URL") ?? LLMConfiguration.openAIBaseURL,
            apiKey: value(nil, "OPENAI_API_KEY"),
            model: value(options.model, "DATACHAT_MODEL") ?? LLMConfiguration.defaultModel)
        if let timeout = value(nil, "DATACHAT_LLM_TIMEOUT") {
            guard let seconds = Double(timeout), seconds > 0 else {
                throw CommandFailure("DATACHAT_LLM_TIMEOUT must be a number of seconds, not \"\(timeout)\"")
            }
            llm.totalTimeout = seconds
        }
        let formatName = value(options.format, "DATACHAT_FORMAT") ?? "table"
        guard let format = OutputFormat(rawValue: formatName.lowercased()) else {
            throw CommandFailure(
                "unknown format \"\(formatName)\": use one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.format = format
        showSQL = options.showSQL
        sqlOnly = options.sqlOnly
        maxRows = try Self.positive(options.maxRows.map(String.init) ?? value(nil, "DATACHAT_MAX_ROWS"), "--max-rows", 1_000)
        statementTimeout = Double(
            try Self.positive(options.timeout.map(String.init) ?? value(nil, "DATACHAT_TIMEOUT"), "--timeout", 30))
        maxRepairs = try Self.positive(value(nil, "DATACHAT_MAX_REPAIRS"), "DATACHAT_MAX_REPAIRS", 1, allowZero: true)
        sessionID = options.session
        tableContextPath = value(options.tableContext, "DATACHAT_TABLE_CONTEXT")
        schemas = (value(options.schema, "DATACHAT_SCHEMA") ?? "").split(separator: ",")
            .map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
        let resources = ResourceLocator(environment: environment)
        promptsDirectory = resources.promptsDirectory
        sampleDirectory = resources.sampleDirectory
        cacheDirectory = cacheHome + "/datachat"
        stateDirectory = (value(nil, "XDG_STATE_HOME") ?? home + "/.local/state") + "/datachat"
        color = environment["NO_COLOR"].map(\.isEmpty) ?? true
        userName = environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }

    private static func positive(_ text: String?, _ name: String, _ fallback: Int, allowZero: Bool = false) throws(CommandFailure) -> Int {
        guard let text else { return fallback }
        guard let number = Int(text), number > 0 || (allowZero && number == 0) else {
            throw CommandFailure("\(name) must be a whole number\(allowZero ? "" : " above 0"), not \"\(text)\"")
        }
        return number
    }
}
