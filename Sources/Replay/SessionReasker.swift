import Assistant
import Databases
import History
import LLM
import Render

/// `replay --reask`: each saved question goes to the current model and prompts again, in a new session
/// linked to the old one, and its result is compared with the saved one.
///
/// The questions are asked in order in one new session, so a follow-up ("and by month?") is read against
/// the new answers before it, as it was against the old ones. A `\sql` turn is the user's own query: it is
/// run again as it was, not sent to the model.
public final class SessionReasker {
    public let assistant: Assistant

    public init(assistant: Assistant) {
        self.assistant = assistant
    }

    /// Opens the new session and asks every turn of `turns`; `each` sees each report as it is done. Stops
    /// early, returning what was done, when the assistant's cancellation says so.
    /// Throws only when the new session cannot be saved; every turn's failure is in its report.
    public func reask(
        _ session: SessionRecord, turns: [SavedTurn], each: (ReaskedTurn) -> Void = { _ in }
    ) throws(AssistantError) -> ReaskReport {
        let newID = try assistant.startSession(title: session.title, replayOf: session.id)
        var report = ReaskReport(originalSessionID: session.id, newSessionID: newID, model: assistant.model)
        for turn in turns {
            if assistant.cancellation.isCancelled { break }
            let reasked = ask(turn)
            each(reasked)
            report.turns.append(reasked)
        }
        return report
    }

    func ask(_ turn: SavedTurn) -> ReaskedTurn {
        let collector = RowCollector()
        let question = turn.question.content
        let directSQL = Self.directSQL(in: question)
        let outcome =
            directSQL.map { assistant.run(sql: $0, observer: collector) }
            ?? assistant.ask(question, observer: collector)
        var reasked = ReaskedTurn(
            number: turn.number, question: question, savedSQL: turn.sql, newSQL: outcome.sql,
            verdict: .same, detail: "", usage: outcome.usage, milliseconds: outcome.timings.total)
        if let failure = outcome.failure {
            reasked.verdict = .failed
            reasked.detail = outcome.isAnswerInWords ? "answered in words, without SQL" : failure.message
            return reasked
        }
        guard turn.hasSavedResult else {
            reasked.verdict = .different
            reasked.detail = "the saved turn has no result (\(turn.answer?.status.rawValue ?? "no answer"))"
            return reasked
        }
        // The new answer's hashes as the store saved them, with the rows the turn streamed.
        let saved = try? assistant.history.messages(sessionID: outcome.sessionID).last { $0.role == .assistant }
        let fresh = FreshResult(
            result: QueryResult(columns: outcome.columns, rows: collector.rows, truncated: outcome.truncated),
            hash: saved?.resultHash ?? "", setHash: saved?.resultSetHash ?? "",
            executionMilliseconds: outcome.timings.execution)
        let check = TurnCheck.compare(ReplayedTurn(saved: turn, run: .ran(fresh)))
        reasked.check = check
        switch check.verdict {
        case .same: reasked.verdict = .same
        case .changed: reasked.verdict = .different
        case .failed, .refused, .skipped: reasked.verdict = .failed
        }
        reasked.detail = check.detail
        return reasked
    }

    /// The query of a `\sql` turn's saved message, nil for a question.
    static func directSQL(in message: String) -> String? {
        let prefix = Assistant.directSQLMessage("")
        return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : nil
    }
}

/// Keeps a turn's rows as they stream, so a re-asked answer can be compared row by row.
final class RowCollector: TurnObserver {
    var rows: [[DatabaseValue]] = []
    func resultStarted(columns: [Column]) { rows = [] }
    func resultRow(_ row: [DatabaseValue], text: borrowing RowText) { rows.append(row) }
    /// Rows kept in memory wait for no one.
    var waitedOnReader: Duration { .zero }
}

/// How one re-asked question came out.
public struct ReaskedTurn: Sendable {
    public enum Verdict: String, Sendable {
        case same
        case different
        case failed
    }

    public var number: Int
    public var question: String
    public var savedSQL: String?
    public var newSQL: String?
    public var verdict: Verdict
    /// `rows 120 -> 118`, the failure, or empty.
    public var detail: String
    public var check: TurnCheck?
    public var usage: TokenUsage
    public var milliseconds: Double

    /// `same`, `different: rows 5 -> 4`, `failed: ...`.
    public var line: String { detail.isEmpty ? verdict.rawValue : "\(verdict.rawValue): \(detail)" }
}

/// Every re-asked turn and the totals the summary line gives.
public struct ReaskReport: Sendable {
    public var originalSessionID: String
    public var newSessionID: String
    public var model: String
    public var turns: [ReaskedTurn] = []

    public func count(_ verdict: ReaskedTurn.Verdict) -> Int { turns.count { $0.verdict == verdict } }

    public var promptTokens: Int { turns.reduce(0) { $0 + $1.usage.promptTokens } }
    public var completionTokens: Int { turns.reduce(0) { $0 + $1.usage.completionTokens } }
    public var milliseconds: Double { turns.reduce(0) { $0 + $1.milliseconds } }

    /// `3 same / 1 different / 0 failed · 5120 + 240 tokens · 4.2 s · new session 1a2b3c4d (re-asks 9f8e7d6c)`
    public var summary: String {
        let seconds = (milliseconds / 100).rounded() / 10
        return
            "\(count(.same)) same / \(count(.different)) different / \(count(.failed)) failed · "
            + "\(promptTokens) + \(completionTokens) tokens · \(seconds) s · model \(model) · "
            + "new session \(newSessionID.prefix(8)) (re-asks \(originalSessionID.prefix(8)))"
    }
}
