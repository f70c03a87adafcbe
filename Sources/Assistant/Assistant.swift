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
    private var connection: (any Database)?
    public let client: ChatClient
    public let history: HistoryStore
    public let prompts: PromptSet
    /// The business notes on tables and columns, sent with every question.
    public let tableNotes: String?
    public var configuration: AssistantConfiguration
    /// The conversation questions belong to; created with the first question.
    public private(set) var sessionID: String?
    private var schemaCache: (text: String, fingerprint: String)?

    /// `connect` opens the analysed database read-only; it is called at the first question, so a
    /// missing database is a failed turn that is saved like any other, not a crash at start-up.
    public init(
        location: DatabaseLocation, connect: @escaping () throws -> any Database, client: ChatClient,
        history: HistoryStore, prompts: PromptSet, tableNotes: String?,
        configuration: AssistantConfiguration
    ) {
        self.location = location
        self.connect = connect
        self.client = client
        self.history = history
        self.prompts = prompts
        self.tableNotes = tableNotes
        self.configuration = configuration
    }

    /// Continues a saved session: its earlier turns become the context of the next question.
    public func resume(sessionID id: String) throws(AssistantError) {
        let session: SessionRecord?
        do {
            session = try history.session(id: id)
        } catch {
            throw AssistantError(.history, "cannot read the history store: \(error)")
        }
        guard let session else {
            throw AssistantError(.configuration, "no saved session \(id): `datachat sessions list` shows them")
        }
        sessionID = session.id
    }

    /// Starts over: the next question opens a new session.
    public func startNewSession() {
        sessionID = nil
    }

    /// The schema as the model is shown it, introspected once per assistant.
    public func schemaDescription() throws -> String {
        try schemaInfo().text
    }

    /// The open connection, made on first use and made again after it was lost.
    public func database() throws -> any Database {
        if let connection { return connection }
        let opened = try connect()
        connection = opened
        return opened
    }

    private func schemaInfo() throws -> (text: String, fingerprint: String) {
        if let schemaCache { return schemaCache }
        let schema = try database().schema()
        let info = (SchemaDescriber.describe(schema), SchemaDescriber.fingerprint(schema))
        schemaCache = info
        return info
    }

    /// The system prompt for this database.
    public func systemPrompt() throws -> String {
        prompts.system.render([
            "dialect": location.dialect.displayName,
            "schema": try schemaInfo().text,
            "table_notes": tableNotes?.trimmed().isEmpty == false ? tableNotes!.trimmed() : "(none)",
            "max_rows": String(configuration.maxRows),
            "today": String(Timestamp.now().prefix(10)),
        ])
    }

    /// Answers `question`: the whole turn, saved as it goes. Never throws: every failure is in the outcome.
    public func ask(
        _ question: String, observer: TurnObserver? = nil, isCancelled: (@Sendable () -> Bool)? = nil
    ) -> TurnOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        var outcome = TurnOutcome(sessionID: sessionID ?? "", question: question)
        defer { outcome.timings.total = start.duration(to: clock.now).milliseconds }

        let schema: (text: String, fingerprint: String)?
        var setupFailure: TurnFailure?
        do {
            schema = try schemaInfo()
        } catch let error as DatabaseError {
            schema = nil
            setupFailure = .database(error)
        } catch {
            schema = nil
            setupFailure = .assistant(AssistantError(.configuration, "cannot read the schema: \(error)"))
        }

        // The question is saved before anything else can fail.
        do {
            outcome.sessionID = try ensureSession(title: question, fingerprint: schema?.fingerprint ?? "")
            try history.append(
                MessageRecord(sessionID: outcome.sessionID, role: .user, content: question, status: .pending))
        } catch {
            outcome.failure = .assistant(AssistantError(.history, "cannot save to the history store: \(error)"))
            return outcome
        }
        if let setupFailure {
            outcome.failure = setupFailure
            save(outcome, attempt: 0, start: start)
            return outcome
        }

        var messages: [ChatMessage]
        do {
            messages = [ChatMessage(.system, try systemPrompt())] + (try earlierTurns(excludingLast: true))
            messages.append(ChatMessage(.user, question))
        } catch {
            outcome.failure = .assistant(AssistantError(.history, "cannot read the history store: \(error)"))
            save(outcome, attempt: 0, start: start)
            return outcome
        }

        for attempt in 1...(1 + max(0, configuration.maxRepairs)) {
            outcome.attempts = attempt
            outcome.failure = nil
            outcome.sql = nil
            observer?.modelCalled(attempt: attempt)
            let completion: ChatCompletion
            do {
                completion = try client.complete(
                    messages, isCancelled: isCancelled, onText: { observer?.modelText($0, attempt: attempt) },
                    onRetry: { observer?.modelRetrying($0, attempt: attempt) })
            } catch {
                outcome.failure = error.code == .cancelled ? .cancelled : .endpoint(error)
                save(outcome, attempt: attempt, start: start)
                return outcome
            }
            outcome.reply = completion.text
            outcome.usage.promptTokens += completion.usage.promptTokens
            outcome.usage.completionTokens += completion.usage.completionTokens
            outcome.usage.isEstimate = outcome.usage.isEstimate || completion.usage.isEstimate
            outcome.timings.firstToken = outcome.timings.firstToken ?? completion.firstByteSeconds * 1000
            outcome.timings.model += completion.totalSeconds * 1000
            observer?.modelAnswered(completion.text, attempt: attempt)

            guard let sql = SQLExtractor.extract(from: completion.text) else {
                outcome.failure = .noSQL(reply: completion.text)
                save(outcome, attempt: attempt, start: start, model: completion.model)
                return outcome
            }
            outcome.sql = sql
            let verdict = SQLGuard.check(sql, dialect: location.dialect)
            if let reason = verdict.reason {
                outcome.failure = .rejected(reason: reason)
            } else {
                observer?.sqlReady(sql, attempt: attempt)
                if configuration.execute {
                    run(sql, into: &outcome, observer: observer, isCancelled: isCancelled)
                }
            }
            guard let failure = outcome.failure, isRepairable(failure), attempt <= configuration.maxRepairs else {
                save(outcome, attempt: attempt, start: start, model: completion.model)
                return outcome
            }
            save(outcome, attempt: attempt, start: start, model: completion.model)
            observer?.repairing(after: failure, attempt: attempt)
            messages.append(ChatMessage(.assistant, completion.text))
            messages.append(ChatMessage(.user, prompts.repair.render(["sql": sql, "error": failure.message])))
        }
        return outcome
    }

    /// A refused query or an engine error is the model's to fix; timeouts, cancels and lost connections are not.
    private func isRepairable(_ failure: TurnFailure) -> Bool {
        switch failure {
        case .rejected: return true
        case .database(let error): return error.code == .statementFailed
        default: return false
        }
    }

    private var preview = PreviewCollector(limit: 0)

    private func run(
        _ sql: String, into outcome: inout TurnOutcome, observer: TurnObserver?, isCancelled: (@Sendable () -> Bool)?
    ) {
        let clock = ContinuousClock()
        let start = clock.now
        preview = PreviewCollector(limit: configuration.previewRows)
        let limits = QueryLimits(
            maxRows: configuration.maxRows, timeoutSeconds: configuration.statementTimeout,
            maxBytes: configuration.maxResultBytes, isCancelled: isCancelled)
        do {
            var columns: [Column] = []
            let stats = try database().query(
                sql, parameters: [], limits: limits,
                columns: { names in
                    columns = names
                    preview.begin(columns: names)
                    observer?.resultStarted(columns: names)
                },
                row: { values in
                    preview.add(values)
                    observer?.resultRow(values)
                    return true
                })
            outcome.columns = columns
            outcome.rowCount = stats.rowCount
            outcome.truncated = stats.truncated
            observer?.resultFinished(rowCount: stats.rowCount, truncated: stats.truncated)
        } catch let error as DatabaseError {
            outcome.failure = error.code == .cancelled ? .cancelled : .database(error)
            if error.code == .connectionLost { connection = nil }
        } catch {
            outcome.failure = .database(DatabaseError(.statementFailed, "\(error)", sql: sql))
        }
        outcome.timings.execution += start.duration(to: clock.now).milliseconds
    }

    private func ensureSession(title: String, fingerprint: String) throws -> String {
        if let sessionID { return sessionID }
        let now = Timestamp.now()
        let record = SessionRecord(
            id: HistoryStore.newID(), title: String(title.trimmed().prefix(120)), createdAt: now, updatedAt: now,
            dataSource: location.redacted, dialect: location.dialect.rawValue,
            model: client.configuration.model, endpointHost: client.configuration.endpointHost,
            userName: configuration.userName, clientVersion: configuration.clientVersion,
            schemaFingerprint: fingerprint)
        try history.createSession(record)
        sessionID = record.id
        return record.id
    }

    /// Saves one attempt's answer. A store failure here must not lose the answer on screen, so it is
    /// reported in the outcome's reply rather than thrown.
    private func save(_ outcome: TurnOutcome, attempt: Int, start: ContinuousClock.Instant, model: String? = nil) {
        let succeeded = outcome.failure == nil && configuration.execute
        var record = MessageRecord(
            sessionID: outcome.sessionID, role: .assistant, content: outcome.reply ?? "", sql: outcome.sql,
            status: outcome.status, error: outcome.failure?.message, attempt: max(1, attempt),
            model: model ?? client.configuration.model, promptTokens: outcome.usage.promptTokens,
            completionTokens: outcome.usage.completionTokens, firstTokenMilliseconds: outcome.timings.firstToken,
            modelMilliseconds: outcome.timings.model, executionMilliseconds: outcome.timings.execution,
            totalMilliseconds: start.duration(to: ContinuousClock.now).milliseconds)
        if succeeded {
            record.columns = outcome.columns.map(\.name)
            record.rowCount = outcome.rowCount
            record.resultHash = preview.hash
            record.resultPreview = preview.csv
        }
        _ = try? history.append(record)
    }

    /// The session's earlier questions and the SQL that answered them, oldest first, as chat messages.
    private func earlierTurns(excludingLast: Bool) throws -> [ChatMessage] {
        guard let sessionID, configuration.historyTurns > 0 else { return [] }
        var records = try history.messages(sessionID: sessionID)
        if excludingLast, records.last?.role == .user { records.removeLast() }
        var turns: [[ChatMessage]] = []
        for record in records {
            switch record.role {
            case .user:
                turns.append([ChatMessage(.user, record.content)])
            case .assistant:
                guard !turns.isEmpty else { continue }
                let answer: String
                if let sql = record.sql, record.status == .ok {
                    answer = "```sql\n\(sql)\n```"
                } else {
                    answer =
                        record.content.isEmpty
                        ? "(no answer: \(record.error ?? record.status.rawValue))" : record.content
                }
                // A repaired turn keeps only its final answer.
                turns[turns.count - 1] = [turns[turns.count - 1][0], ChatMessage(.assistant, answer)]
            }
        }
        return turns.filter { $0.count == 2 }.suffix(configuration.historyTurns).flatMap { $0 }
    }
}

/// Keeps the first rows of a result as CSV and hashes every row, for the history.
struct PreviewCollector {
    let limit: Int
    private(set) var csv = ""
    private var rows = 0
    private var fnv = FNV1a()
    private var renderer: ResultRenderer?
    private let output = StringOutput()

    init(limit: Int) {
        self.limit = limit
    }

    var hash: String { fnv.hexDigest }

    mutating func begin(columns: [Column]) {
        let renderer = ResultRenderer(options: RenderOptions(format: .csv), output: output)
        renderer.begin(columns: columns)
        self.renderer = renderer
        for column in columns { fnv.add(column.name + "\u{1F}") }
    }

    mutating func add(_ row: [DatabaseValue]) {
        // Each value's display text (NULL as a lone 0x00), unit-separated: cheap enough to run on every row
        // of a million-row answer, where rendering JSON for the hash alone cost as much as printing.
        for value in row {
            if let text = ValueFormatter.text(value) { fnv.add(text) } else { fnv.add(0x00) }
            fnv.add(0x1F)
        }
        fnv.add(0x1E)
        rows += 1
        if rows <= limit {
            renderer?.add(row: row)
            csv = output.text
        }
    }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
