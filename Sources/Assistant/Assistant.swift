import Basics
import Databases
import History
import LLM
import Render
import SQLGuard

/// Answers questions about one database: asks the model for SQL, proves it read-only, runs it, and
/// saves every step of the turn in the history.
///
/// Confined to one thread: the database connection and the HTTP handle it holds are not shareable.
public final class Assistant {
    /// The analysed database, known before any connection is made.
    public let location: DatabaseLocation
    private let connect: () throws -> any Database
    var connection: (any Database)?
    /// The endpoint's client; `useModel(_:)` replaces it with one for another model.
    public internal(set) var client: ChatClient
    public let history: HistoryStore
    public let prompts: PromptSet
    /// The business notes on tables and columns, sent with every question.
    public let tableNotes: String?
    public var configuration: AssistantConfiguration
    /// What stops a turn's model call and query: the session's Ctrl-C. Every call the Assistant makes polls it.
    public let cancellation: Cancellation
    /// The conversation questions belong to; created with the first question.
    public internal(set) var sessionID: String?
    private var schemaCache: (text: String, fingerprint: String)?
    private var schemaValue: Schema?
    /// The context builder and the statistics it was built with, made at the first question.
    var contextCache: ContextBuilder?
    var statisticsValue: SchemaStatistics?
    /// The first rows and the hash of the result being read, for the history.
    var preview = PreviewCollector(limit: 0)
    /// The confirmed examples last read from the history and their index (Assistant+Examples.swift).
    var exampleIndex: (examples: [ConfirmedExample], retriever: ExampleRetriever)?

    /// `connect` opens the analysed database read-only; it is called at the first question, so a
    /// missing database is a failed turn that is saved like any other, not a crash at start-up.
    public init(
        location: DatabaseLocation, connect: @escaping () throws -> any Database, client: ChatClient,
        history: HistoryStore, prompts: PromptSet, tableNotes: String?,
        configuration: AssistantConfiguration, cancellation: Cancellation = .never
    ) {
        self.location = location
        self.connect = connect
        self.client = client
        self.history = history
        self.prompts = prompts
        self.tableNotes = tableNotes
        self.configuration = configuration
        self.cancellation = cancellation
    }

    /// The id that means the most recent session on this database (`--session last`, `-c`, `\resume last`).
    public static let lastSession = "last"

    /// Continues a saved session: its earlier turns become the context of the next question.
    ///
    /// `last` is the most recently active session on this database, as `llm -c` continues the last
    /// conversation: a session on another database would answer follow-ups about tables that are not here.
    /// A session named by its id may be on another database: the caller says so (`otherDatabaseWarning`).
    @discardableResult
    public func resume(sessionID id: String) throws(AssistantError) -> SessionRecord {
        let session = try AssistantError.lookingUpSession {
            guard id == Self.lastSession else { return try history.session(named: id) }
            guard let session = try history.latestSession(dataSource: location.redacted) else {
                throw AssistantError(
                    .configuration, "no saved session on \(location.redacted) to continue: ask a question first")
            }
            return session
        }
        sessionID = session.id
        return session
    }

    /// What to tell the user when `session` was saved on another database than this one: it goes on here,
    /// with earlier turns whose tables and SQL were that database's. Nil when it is the same database.
    public func otherDatabaseWarning(for session: SessionRecord) -> String? {
        guard session.dataSource != location.redacted else { return nil }
        return "session \(session.id.prefix(8)) was saved on \(session.dataSource); it continues on "
            + "\(location.redacted), where its earlier answers may not apply"
    }

    /// Opens a new session now, recording the session it asks again (`replay --reask`), and makes it current.
    public func startSession(title: String, replayOf: String) throws(AssistantError) -> String {
        startNewSession()
        let record = newSessionRecord(
            title: title, fingerprint: (try? schemaInfo().fingerprint) ?? "", replayOf: replayOf)
        do {
            try history.createSession(record)
        } catch {
            throw AssistantError(.history, "cannot save to the history store: \(error)")
        }
        sessionID = record.id
        return record.id
    }

    /// Starts over: the next question opens a new session.
    public func startNewSession() {
        sessionID = nil
    }

    /// The open connection, made on first use and made again after it was lost.
    public func database() throws -> any Database {
        if let connection { return connection }
        let opened = try connect()
        connection = opened
        return opened
    }

    /// The analysed schema, introspected once: the model's description, completion and `\dt` share it.
    public func schema() throws -> Schema {
        if let schemaValue { return schemaValue }
        let schema = try database().schema()
        schemaValue = schema
        return schema
    }

    func schemaInfo() throws -> (text: String, fingerprint: String) {
        if let schemaCache { return schemaCache }
        let schema = try schema()
        let info = (SchemaDescriber.describe(schema), SchemaDescriber.fingerprint(schema))
        schemaCache = info
        return info
    }

    /// Answers `question`: the whole turn, saved as it goes. Never throws: every failure is in the outcome.
    ///
    /// With an observer that asks for approval (`--confirm`), the SQL runs only once the user says so; SQL the
    /// user edited at that prompt is checked by the guard again and never sent back to the model for repair.
    public func ask(
        _ question: String, observer: TurnObserver? = nil
    ) -> TurnOutcome {
        let start = ContinuousClock.now
        var outcome = TurnOutcome(sessionID: sessionID ?? "", question: question)
        answer(&outcome, observer: observer, start: start)
        outcome.timings.total = outcome.timings.elapsed(since: start)
        return outcome
    }

    private func answer(
        _ outcome: inout TurnOutcome, observer: TurnObserver?, start: ContinuousClock.Instant
    ) {
        let question = outcome.question
        guard beginTurn(&outcome, userMessage: question, start: start, model: model) else { return }

        var messages: [ChatMessage]
        do {
            messages = try promptContext(for: question, questionIsSaved: true).messages
        } catch {
            outcome.failure = .assistant(AssistantError(.history, "cannot read the history store: \(error)"))
            save(&outcome, attempt: 0, start: start, model: model)
            return
        }

        // Each query the model sent, by fingerprint, with how it failed: a repeat is not run again.
        var tried: [String: TurnFailure] = [:]
        // Once the model repeats a failed query, repairs in the conversation are over: it copies what it
        // sees. Each later call asks the question afresh, as first sent, at a sampling temperature.
        let firstRequest = messages
        var drawing = false
        var attempt = 0
        for call in 1...(1 + max(0, configuration.maxRepairs)) {
            attempt += 1
            outcome.attempts = attempt
            outcome.failure = nil
            outcome.sql = nil
            guard
                let completion = callModel(
                    drawing ? firstRequest : messages, attempt: call,
                    sampling: drawing ? Sampling(temperature: configuration.drawTemperature, seed: call) : nil,
                    into: &outcome, observer: observer)
            else {
                save(&outcome, attempt: attempt, start: start, model: model)
                return
            }
            guard let sql = SQLExtractor.extract(from: completion.text) else {
                // An answer in words (a clarifying question, "the data cannot say"): shown and saved as words;
                // unless it states figures no query gave while calls remain: then the question is drawn afresh.
                let guessed =
                    call <= configuration.maxRepairs
                    && UnqueriedFigures.stated(in: completion.text, asking: question)
                let failure: TurnFailure =
                    guessed ? .unqueriedFigures(reply: completion.text) : .noSQL(reply: completion.text)
                outcome.failure = failure
                save(&outcome, attempt: attempt, start: start, model: model, completion: completion)
                guard guessed else { return }
                observer?.repairing(after: failure, attempt: call)
                drawing = true
                continue
            }
            outcome.sql = sql
            var userWroteSQL = false
            if let earlier = tried[SQLFingerprint.of(sql, dialect: location.dialect)] {
                outcome.failure = .repeated(earlier)
                save(&outcome, attempt: attempt, start: start, model: model, completion: completion)
            } else {
                userWroteSQL = run(
                    sql, attempt: &attempt, completion: completion, into: &outcome, tried: &tried,
                    observer: observer, start: start)
            }
            guard let failure = outcome.failure, !userWroteSQL, isRepairable(failure),
                call <= configuration.maxRepairs
            else { return }
            observer?.repairing(after: failure, attempt: call)
            if case .repeated = failure { drawing = true }
            if !drawing {
                messages.append(ChatMessage(.assistant, completion.text))
                messages.append(ChatMessage(.user, repairRequest(for: outcome.sql ?? sql, failure: failure)))
            }
        }
    }

    /// Asks the observer whether to run `sql`, then runs it or the user's edit of it. True when the user
    /// changed the SQL: a failure is then theirs, not the model's to repair.
    func approveAndExecute(
        _ sql: String, attempt: Int, into outcome: inout TurnOutcome, observer: TurnObserver?
    ) -> Bool {
        let approval = outcome.timings.waitingOnThePerson { observer?.approve(sql, attempt: attempt) ?? .run(sql) }
        switch approval {
        case .skip:
            outcome.failure = .declined
            return false
        case .run(let text):
            let edited = text.trimmed()
            let changed = edited != sql
            if changed {
                outcome.sql = edited
                outcome.failure = refusal(of: edited) ?? unknownReference(in: edited)
            }
            if outcome.failure == nil {
                execute(edited, into: &outcome, observer: observer)
            }
            return changed
        }
    }

    /// A refused query, a name the schema lacks, a repeat or an engine error is the model's to fix; timeouts,
    /// cancels and lost connections are not.
    private func isRepairable(_ failure: TurnFailure) -> Bool {
        switch failure {
        case .rejected, .unknownReference, .repeated: return true
        case .database(let error): return error.code == .statementFailed
        default: return false
        }
    }
}
