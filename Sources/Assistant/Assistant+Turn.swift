import Basics
import Databases
import History
import LLM
import Render
import SQLGuard

/// The steps every kind of turn shares (a question, `\sql`, `\explain`): saving the user's message first,
/// calling the model, running SQL under the limits, and saving each attempt's answer.
extension Assistant {
    /// Reads the schema, opens the session and saves the user's message. False when the turn is already
    /// over: the failure is in `outcome` and, when the store works, saved.
    func beginTurn(
        _ outcome: inout TurnOutcome, userMessage: String, start: ContinuousClock.Instant, model: String?
    ) -> Bool {
        var fingerprint = ""
        var setupFailure: TurnFailure?
        do {
            fingerprint = try schemaInfo().fingerprint
        } catch let error as DatabaseError {
            setupFailure = .database(error)
        } catch {
            setupFailure = .assistant(AssistantError(.configuration, "cannot read the schema: \(error)"))
        }
        // The user's words are saved before anything else can fail; a new session's row in the same
        // transaction, so no session is ever left without its question.
        do {
            outcome.questionID = try saveQuestion(userMessage, fingerprint: fingerprint, into: &outcome).id
        } catch {
            outcome.failure = .assistant(AssistantError(.history, "cannot save to the history store: \(error)"))
            return false
        }
        if let setupFailure {
            outcome.failure = setupFailure
            save(&outcome, attempt: 0, start: start, model: model)
            return false
        }
        return true
    }

    /// One request to the model, streamed to the observer; its cost is added to the outcome. Nil when the
    /// request failed, with the failure in `outcome`.
    func callModel(
        _ messages: [ChatMessage], attempt: Int, sampling: Sampling? = nil, into outcome: inout TurnOutcome,
        observer: TurnObserver?
    ) -> ChatCompletion? {
        observer?.modelCalled(attempt: attempt)
        let completion: ChatCompletion
        do {
            completion = try client.complete(
                messages, sampling: sampling, cancellation: cancellation,
                onText: { observer?.modelText($0, attempt: attempt) },
                onRetry: { observer?.modelRetrying($0, attempt: attempt) })
        } catch {
            outcome.failure = error.code == .cancelled ? .cancelled : .endpoint(error)
            if let partial = error.partialReply {
                // What was read is kept, marked, so the history shows how the answer began and where it was cut.
                outcome.reply =
                    partial
                    + "\n\n[datachat: the answer was cut here, past \(client.configuration.maxReplyBytes) bytes]"
            }
            return nil
        }
        outcome.reply = completion.text
        outcome.usage.promptTokens += completion.usage.promptTokens
        outcome.usage.completionTokens += completion.usage.completionTokens
        outcome.usage.isEstimate = outcome.usage.isEstimate || completion.usage.isEstimate
        outcome.timings.firstToken = outcome.timings.firstToken ?? completion.firstByteSeconds * 1000
        outcome.timings.model += completion.totalSeconds * 1000
        observer?.modelAnswered(completion.text, attempt: attempt)
        return completion
    }

    /// The guard's refusal of `sql` in this database's dialect; nil when it may run.
    func refusal(of sql: String) -> TurnFailure? {
        SQLGuard.check(sql, dialect: location.dialect).reason.map { .rejected(reason: $0) }
    }

    /// Runs SQL the guard passed, under the configured limits, handing rows to the observer as they come.
    func execute(
        _ sql: String, into outcome: inout TurnOutcome, observer: TurnObserver?
    ) {
        let clock = ContinuousClock()
        let start = clock.now
        // Showing rows can block on a pager the person is reading: that time is theirs, not the query's. The
        // observer's output times its own blocking writes (`waitedOnReader`), read before the first row and
        // after the last: two clock reads a row were 7 % of a million-row CSV's time.
        let waitedBefore = outcome.timings.waiting
        // The row loop's state stays local (a property of this class would be checked for exclusive access on
        // every row) and is kept once the rows are done.
        var preview = PreviewCollector(limit: configuration.previewRows)
        var readerBefore: Duration?
        var waitedOnRows = Duration.zero
        /// Once the rows are done or failed, and before `resultFinished` (whose waiting is counted on its own).
        func rowsDone() {
            if let readerBefore, let after = observer?.waitedOnReader {
                waitedOnRows = max(.zero, after - readerBefore)
            }
            readerBefore = nil
        }
        let limits = QueryLimits(
            maxRows: configuration.maxRows, timeoutSeconds: configuration.statementTimeout,
            maxBytes: configuration.maxResultBytes, cancellation: cancellation)
        do {
            var columns: [Column] = []
            var text = RowText()
            let stats = try database().query(
                sql, parameters: [], limits: limits,
                columns: { names in
                    columns = names
                    preview.begin(columns: names)
                    outcome.timings.waitingOnThePerson { observer?.resultStarted(columns: names) }
                    readerBefore = observer?.waitedOnReader
                },
                row: { values in
                    text.set(values)
                    preview.add(values, text: text)
                    observer?.resultRow(values, text: text)
                    return true
                })
            rowsDone()
            outcome.columns = columns
            outcome.rowCount = stats.rowCount
            outcome.truncated = stats.truncated
            outcome.timings.waitingOnThePerson {
                observer?.resultFinished(rowCount: stats.rowCount, truncated: stats.truncated)
            }
        } catch let error as DatabaseError {
            rowsDone()
            outcome.failure = error.code == .cancelled ? .cancelled : .database(error)
            if error.code == .connectionLost { connection = nil }
        } catch {
            rowsDone()
            outcome.failure = .database(DatabaseError(.statementFailed, "\(error)", sql: sql))
        }
        self.preview = preview
        outcome.timings.waiting += waitedOnRows.milliseconds
        outcome.timings.execution +=
            start.duration(to: clock.now).milliseconds - (outcome.timings.waiting - waitedBefore)
    }

    /// Saves the question as `pending` (its turn settles it), opening the session with it when there is none.
    private func saveQuestion(
        _ question: String, fingerprint: String, into outcome: inout TurnOutcome
    ) throws -> MessageRecord {
        if let sessionID {
            outcome.sessionID = sessionID
            return try history.append(
                MessageRecord(sessionID: sessionID, role: .user, content: question, status: .pending))
        }
        let record = newSessionRecord(title: question, fingerprint: fingerprint)
        let saved = try history.createSession(
            record, firstMessage: MessageRecord(sessionID: record.id, role: .user, content: question, status: .pending))
        sessionID = record.id
        outcome.sessionID = record.id
        return saved
    }

    /// A session on this database and model, opened now.
    func newSessionRecord(title: String, fingerprint: String, replayOf: String? = nil) -> SessionRecord {
        let now = Timestamp.now()
        return SessionRecord(
            id: HistoryStore.newID(), title: String(title.trimmed().prefix(120)), createdAt: now, updatedAt: now,
            dataSource: location.redacted, dialect: location.dialect.rawValue,
            model: client.configuration.model, endpointHost: client.configuration.endpointHost,
            userName: configuration.userName, clientVersion: configuration.clientVersion,
            schemaFingerprint: fingerprint, replayOf: replayOf)
    }

    /// Saves one attempt's answer as an assistant message.
    ///
    /// Tokens and model timings are this attempt's own (`completion`), never the turn's running total, so
    /// summing a session's messages counts every request once. `model` is recorded when no completion names
    /// one (nil for `\sql`, which asks no model). The question's row takes the attempt's status in the same
    /// transaction. A store failure here is not thrown, since the answer is already on screen, but kept in
    /// `outcome.historyFailure` for the caller to say.
    func save(
        _ outcome: inout TurnOutcome, attempt: Int, start: ContinuousClock.Instant, model: String?,
        completion: ChatCompletion? = nil, executionMilliseconds: Double? = nil, content: String? = nil
    ) {
        let succeeded = outcome.failure == nil && outcome.sql != nil && configuration.execute
        var record = MessageRecord(
            sessionID: outcome.sessionID, role: .assistant, content: content ?? outcome.reply ?? "",
            sql: outcome.sql, status: outcome.status, error: outcome.failure?.savedError, attempt: max(1, attempt),
            model: completion?.model ?? model, promptTokens: completion?.usage.promptTokens,
            completionTokens: completion?.usage.completionTokens,
            firstTokenMilliseconds: completion.map { $0.firstByteSeconds * 1000 },
            modelMilliseconds: completion.map { $0.totalSeconds * 1000 }, executionMilliseconds: executionMilliseconds,
            totalMilliseconds: outcome.timings.elapsed(since: start))
        if succeeded {
            record.columns = outcome.columns.map(\.name)
            record.rowCount = outcome.rowCount
            record.resultHash = preview.hash
            record.resultSetHash = preview.setHash
            record.resultPreview = preview.csv
        }
        do {
            try history.append(record, settling: outcome.questionID)
        } catch {
            outcome.historyFailure = AssistantError(
                .history, "the answer was not saved to the history store: \(error)")
        }
    }
}
