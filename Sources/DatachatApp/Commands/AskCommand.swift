import ArgumentParser
import Assistant

/// `datachat [ask] ["question"]`: one question answered, or, with none, the interactive session.
///
/// The default subcommand, so `datachat "how many orders"`, `datachat -q "how many orders"` and a bare
/// `datachat` all land here.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer one question, or open an interactive session when none is given (the default command).",
        discussion: """
            The result goes to standard output, the model's words and messages to standard error. Flags win over \
            the environment, which wins over a .env file in the working directory.

            Exit codes: 0 answered, 2 usage or configuration, 3 SQL rejected, 4 database error, 5 endpoint error, \
            6 the model answered in words, 7 the turn was not saved, 130 interrupted.
            """)

    @Argument(help: "The question ('-' reads standard input); none opens an interactive session.")
    var question: String?

    @Option(
        name: [.short, .customLong("query")],
        help: ArgumentHelp("The question, as a flag (the same as giving it as an argument).", valueName: "question"))
    var query: String?

    @OptionGroup(title: "Database") var database: DatabaseOptions
    @OptionGroup(title: "What the model is shown") var context: ContextOptions
    @OptionGroup(title: "History") var history: HistoryOptions
    @OptionGroup(title: "Endpoint") var endpoint: EndpointOptions
    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Charts") var charts: ChartOptions
    @OptionGroup(title: "Limits") var limits: LimitOptions

    @Flag(name: .customLong("show-sql"), help: "Print the SQL (to standard error) before the result.")
    var showSQL = false

    @Flag(name: .customLong("sql-only"), help: "Print the SQL (to standard output) and do not run it.")
    var sqlOnly = false

    @Option(
        help: ArgumentHelp(
            "Continue a saved session: its id, or last for the most recent on this database (-c).", valueName: "id"))
    var session: String?

    @Flag(
        name: [.customShort("c"), .customLong("continue")],
        help: "Continue the most recent session on this database (the same as --session last), for -q too.")
    var continueLast = false

    @Flag(help: "In a session, show each query and ask before running it (\\confirm switches it).")
    var confirm = false

    @Flag(help: "With a question: keep the answer, once it ran, as an example for similar questions later.")
    var remember = false

    /// The question, from the argument or `-q`.
    var askedQuestion: String? { question ?? query }

    func validate() throws {
        if continueLast, session != nil {
            throw ValidationError("-c continues the most recent session: it cannot go with --session")
        }
        if question != nil, query != nil {
            throw ValidationError("give the question once: as an argument or with -q, not both")
        }
        if remember, askedQuestion == nil {
            throw ValidationError(
                "--remember goes with -q or a question argument; in a session, \\good marks the last answer")
        }
        if remember, sqlOnly {
            throw ValidationError("--remember keeps answers that ran: it cannot go with --sql-only")
        }
        if !charts.request.isEmpty, askedQuestion == nil {
            throw ValidationError(
                "--chart and --chart-out go with -q or a question argument; in a session, use \\chart")
        }
        if !charts.request.isEmpty, sqlOnly {
            throw ValidationError("--chart and --chart-out draw a result: they cannot go with --sql-only")
        }
        if confirm, askedQuestion != nil {
            throw ValidationError("--confirm is for a session; a question given on the command line runs at once")
        }
    }

    func run() throws {
        var settings = try Settings(database, context, history, endpoint, output, limits) {
            $0.showSQL = showSQL
            $0.sqlOnly = sqlOnly
            $0.session = continueLast ? Assistant.lastSession : session
        }
        settings.sayWarnings()
        Signals.install()
        if let asked = askedQuestion {
            let text = asked == "-" ? Datachat.readStandardInput() : asked
            guard !text.allSatisfy(\.isWhitespace) else {
                throw CommandFailure("the question is empty: datachat \"your question\"")
            }
            if case .unavailable(let message) = Self.useLocalModel(&settings) {
                throw CommandFailure(message, exitCode: ExitStatus.endpointError)
            }
            let context = try AppContext(settings: settings)
            throw ExitCode(OneShot(context: context, remember: remember, chart: charts.request).run(text))
        }
        if case .unavailable(let message) = Self.useLocalModel(&settings) {
            StandardError.error(message + "; \\sql works meanwhile")
        }
        let context = try AppContext(settings: settings)
        throw ExitCode(InteractiveSession(context: context, confirm: confirm).run())
    }

    /// The local model when no endpoint is configured, said in one line when it is used.
    static func useLocalModel(_ settings: inout Settings) -> Settings.LocalModelUse {
        let use = settings.resolveLocalModel(say: { StandardError.write($0 + "\n") })
        if case .using(let model) = use { StandardError.write(Settings.localModelLine(model) + "\n") }
        return use
    }
}
