import Basics
import History

/// `\sql`: the user's own query, through the same guard, limits and history as the model's.
extension Assistant {
    /// What a `\sql` turn's user message holds: the command as typed, so `datachat sessions show` reads like
    /// the session did and the model, in later turns, sees which query the user ran.
    public static func directSQLMessage(_ sql: String) -> String { "\\sql " + sql }

    /// Runs `sql` as a turn of the current session: the guard with this database's dialect, then the query
    /// under the configured limits (only checked when `execute` is off, as `--sql-only` promises). The model
    /// is not asked and the observer is not asked to approve: the user wrote it. Rows go to the observer's
    /// `resultStarted`/`resultRow`/`resultFinished`. Never throws: every failure is in the outcome.
    public func run(
        sql: String, observer: TurnObserver? = nil
    ) -> TurnOutcome {
        let sql = sql.trimmed()
        let start = ContinuousClock.now
        var outcome = TurnOutcome(sessionID: sessionID ?? "", question: Self.directSQLMessage(sql))
        guard !sql.isEmpty else {
            outcome.failure = .assistant(AssistantError(.configuration, "no SQL to run: write the query after \\sql"))
            return outcome
        }
        if beginTurn(&outcome, userMessage: outcome.question, start: start, model: nil) {
            outcome.attempts = 1
            outcome.sql = sql
            outcome.failure = refusal(of: sql)
            if outcome.failure == nil, configuration.execute {
                execute(sql, into: &outcome, observer: observer)
            }
            save(&outcome, attempt: 1, start: start, model: nil, executionMilliseconds: outcome.timings.execution)
        }
        outcome.timings.total = outcome.timings.elapsed(since: start)
        return outcome
    }
}
