import Basics
import LLM

/// `\explain`: a query put into plain words for an analyst, by the model, with the schema at hand.
extension Assistant {
    /// What an `\explain` turn's user message holds: the command and the query, as typed.
    public static func explainMessage(_ sql: String) -> String { "\\explain " + sql }

    /// Asks the model what `sql` does (prompts/explain.md), streaming its words to the observer's
    /// `modelCalled`/`modelText`/`modelAnswered`, and saves the turn: the user message, then the explanation
    /// with its tokens and timings. `outcome.reply` is the explanation; nothing is run and `outcome.sql` is nil.
    public func explain(
        sql: String, observer: TurnObserver? = nil
    ) -> TurnOutcome {
        let sql = sql.trimmed()
        let start = ContinuousClock.now
        var outcome = TurnOutcome(sessionID: sessionID ?? "", question: Self.explainMessage(sql))
        guard !sql.isEmpty else {
            outcome.failure = .assistant(
                AssistantError(.configuration, "no SQL to explain: ask a question first, or write \\explain QUERY"))
            return outcome
        }
        if beginTurn(&outcome, userMessage: outcome.question, start: start, model: model) {
            outcome.attempts = 1
            do {
                let messages = [
                    ChatMessage(.system, try explainPrompt(for: sql)), ChatMessage(.user, "```sql\n\(sql)\n```"),
                ]
                let completion = callModel(
                    messages, attempt: 1, into: &outcome, observer: observer)
                save(&outcome, attempt: 1, start: start, model: model, completion: completion)
            } catch {
                outcome.failure = .assistant(AssistantError(.configuration, "cannot read the schema: \(error)"))
                save(&outcome, attempt: 1, start: start, model: model)
            }
        }
        outcome.timings.total = outcome.timings.elapsed(since: start)
        return outcome
    }

    /// The instructions for an explanation: the dialect, the schema (the tables `sql` reads, when the
    /// whole schema does not fit the budget) and the table notes.
    public func explainPrompt(for sql: String = "") throws -> String {
        prompts.explain.render(try promptValues(for: sql))
    }
}
