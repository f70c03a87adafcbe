import ArgumentParser
import Assistant
import Databases
import Render
import Replay

/// `datachat replay ID`: a saved session as a regression test for the data (`--check`) and for the model
/// (`--reask`).
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run a saved session's SQL again on today's data, or ask its questions again.",
        discussion: """
            Without a flag, prints the transcript with fresh results; no model is asked and nothing is saved.
            --check compares each turn with the saved result (row count and an order-independent hash) and
            prints one line a turn: same, changed, failed, refused or skipped.
            --reask sends each saved question to the current model and prompts, in a new session linked to
            this one, and reports same, different (both SQL side by side) or failed, with a summary.
            Exit codes: 0 every turn ran (--check: every turn the same), 8 --check or --reask found a turn
            that differs or fails, 2 unknown session, nothing to replay, another database or a bad flag,
            3 (without --check) a saved SQL the guard now refuses, 4 database or history store error,
            5 endpoint error before any turn.
            """)

    @Argument(help: "The session id, the start of it, or last for the newest (`datachat sessions list`).")
    var id: String
    @Flag(help: "Compare each turn with the saved result; exit 8 when any differs.") var check = false
    @Flag(help: "Ask each saved question again with the current model and prompts.") var reask = false
    @OptionGroup(title: "Database") var database: DatabaseOptions
    @OptionGroup(title: "History") var history: HistoryOptions
    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Limits") var limits: LimitOptions
    @OptionGroup(title: "Endpoint (with --reask)") var endpoint: EndpointOptions
    @OptionGroup(title: "What the model is shown (with --reask)") var context: ContextOptions

    func validate() throws {
        if check, reask { throw ValidationError("--check and --reask are two runs: choose one") }
        if !reask,
            endpoint.baseURL != nil || endpoint.model != nil || context.tableContext != nil || context.share != nil
                || context.schema != nil
        {
            throw ValidationError("--base-url, --model, --schema, --table-context and --share go with --reask")
        }
    }

    /// The settings, resolved once from the groups, the environment and .env.
    func settings() throws -> Settings {
        try Settings(database, history, output, limits, endpoint, context)
    }

    func run() throws {
        var settings = try settings()
        settings.sayWarnings()
        Signals.install()
        let history = try openHistoryStore(settings)
        let session = try loadSession(id, from: history)
        if reask {
            if case .unavailable(let message) = AskCommand.useLocalModel(&settings) {
                throw CommandFailure(message, exitCode: ExitStatus.endpointError)
            }
        }
        let context = try AppContext(settings: settings)
        try Self.requireSameDatabase(session, context: context)
        if reask {
            throw ExitCode(try Reask(context: context, session: session).run())
        }
        guard !session.sqlTurns.isEmpty else {
            throw CommandFailure(
                "session \(session.record.id.prefix(8)) has no SQL to replay: `datachat sessions show "
                    + "\(session.record.id.prefix(8))` shows it", exitCode: ExitStatus.usage)
        }
        let connection = try context.analysedDatabase()
        let replayer = SessionReplayer(
            database: connection, configuration: AppContext.configuration(settings),
            cancellation: Signals.interrupt)
        if replayer.schemaChanged(since: session.record.schemaFingerprint) == true {
            StandardError.error(
                "warning: the schema changed since the session was saved (tables or columns differ): "
                    + "a changed turn may come from that")
        }
        let output = FileOutput.standardOutput()
        let terminal = Terminal.outputIsTerminal
        let printer = ReplayPrinter(
            format: settings.format, output: output, notes: FileOutput.standardError(), check: check,
            color: terminal && settings.color, terminalWidth: terminal ? Terminal.width : nil)
        printer.begin(session)
        let done = replayer.replay(session.turns, each: printer.print)
        printer.finish()
        StandardError.write(printer.summary + "\n")
        if done.count < session.turns.count { throw ExitCode(ExitStatus.interrupted) }
        if check { throw ExitCode(printer.differs ? ExitStatus.differs : ExitStatus.answered) }
        throw ExitCode(Self.status(of: done))
    }

    /// Without `--check`, a turn the guard now refuses is exit 3 and one the database fails is exit 4, as a
    /// question's would be; the transcript still shows every turn.
    static func status(of turns: [ReplayedTurn]) -> Int32 {
        if turns.contains(where: { if case .refused = $0.run { true } else { false } }) { return ExitStatus.rejected }
        if turns.contains(where: { if case .failed = $0.run { true } else { false } }) {
            return ExitStatus.databaseError
        }
        return ExitStatus.answered
    }

    /// A session saved on another database is replayed there only when asked: without a database given, it
    /// would run on the bundled sample and report every turn as changed.
    static func requireSameDatabase(_ session: SavedSession, context: AppContext) throws {
        let saved = session.record.dataSource
        let current = context.location.redacted
        guard saved != current else { return }
        guard context.settings.databaseURL != nil else {
            throw CommandFailure(
                "session \(session.record.id.prefix(8)) was saved on \(saved), not \(current): "
                    + "pass --database-url to run it there (or on another database)", exitCode: ExitStatus.usage)
        }
        StandardError.error(
            "warning: session \(session.record.id.prefix(8)) was saved on \(saved); running on \(current)")
    }
}
