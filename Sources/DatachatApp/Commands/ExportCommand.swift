import ArgumentParser
import Databases
import Render
import Replay

#if canImport(Glibc)
    import Glibc
#endif

/// `datachat export ID`: a saved session as a file to share: markdown for a colleague, JSON for a program,
/// one self-contained HTML page for a browser.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a saved session as markdown, JSON or a self-contained HTML page.",
        discussion: """
            markdown: each question, the model's words, the SQL in a fenced block, the result table, timings.
            json: every field of the session and of every message, as the store holds them.
            html: the markdown's content as one page with its styles inline: no scripts, no external files.
            Results come from the saved preview (the first rows); --rerun runs each SQL again for fresh ones.
            Exit codes: 0 written, 2 unknown session or bad flag, 4 history store, database or file error.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case markdown
        case json
        case html
    }

    @Argument(help: "The session id, the start of it, or last for the newest (`datachat sessions list`).")
    var id: String
    @Option(help: "The file to write (default: standard output).") var output: String?
    @Flag(help: "Run each SQL again (read-only) and show today's results instead of the saved preview.")
    var rerun = false
    @Option(help: "What to write (default markdown).") var format: Format = .markdown
    @OptionGroup(title: "History") var history: HistoryOptions
    @OptionGroup(title: "Database (with --rerun)") var database: DatabaseOptions
    @OptionGroup(title: "Limits (with --rerun)") var limits: LimitOptions

    func validate() throws {
        if !rerun, database.databaseURL != nil || limits.timeout != nil || limits.rows.maxRows != nil {
            throw ValidationError("--database-url, --timeout and --max-rows go with --rerun")
        }
    }

    func run() throws {
        let settings = try Settings(history, database, limits)
        let session = try loadSession(id, from: try openHistoryStore(settings))
        var rerunTurns: [ReplayedTurn]?
        if rerun {
            Signals.install()
            let context = try AppContext(settings: settings)
            try ReplayCommand.requireSameDatabase(session, context: context)
            let connection = try context.analysedDatabase()
            rerunTurns = SessionReplayer(
                database: connection, configuration: AppContext.configuration(settings),
                cancellation: Signals.interrupt
            ).replay(session.turns)
            // A transcript with a turn cut short is not the session's: nothing is written.
            if Signals.interrupt.isCancelled {
                throw CommandFailure("interrupted: nothing exported", exitCode: ExitStatus.interrupted)
            }
        }
        let text = Self.render(session, format: format, rerun: rerunTurns)
        guard let output else {
            let standardOutput = FileOutput.standardOutput()
            standardOutput.write(text)
            standardOutput.flush()
            return
        }
        try Self.write(text, to: output)
        StandardError.write("wrote session \(session.record.id.prefix(8)) as \(format.rawValue) to \(output)\n")
    }

    static func render(_ session: SavedSession, format: Format, rerun: [ReplayedTurn]?) -> String {
        let turns = rerun.map { $0.map { TranscriptTurn(replayed: $0) } } ?? session.transcript
        switch format {
        case .json:
            return TranscriptJSON.session(
                session.record, messages: session.messages, confirmed: session.confirmed, rerun: rerun)
        case .html:
            return TranscriptHTML.page(session.record, turns: turns)
        case .markdown:
            let text = StringOutput()
            let writer = TranscriptWriter(format: .markdown)
            writer.writeHeader(session.record, to: text)
            for turn in turns { writer.write(turn, to: text) }
            return text.text
        }
    }

    /// Writes the whole file or reports why not; a partly written file is removed rather than left behind.
    static func write(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CommandFailure(
                "cannot write \(path): \(String(cString: strerror(errno)))", exitCode: ExitStatus.databaseError)
        }
        let file = FileOutput(descriptor: descriptor)
        file.write(text)
        file.flush()
        let failed = file.failed
        close(descriptor)
        if failed {
            unlink(path)
            throw CommandFailure("cannot write \(path): the disk refused it", exitCode: ExitStatus.databaseError)
        }
    }
}
