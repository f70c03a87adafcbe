import History
import LLM

/// What the REPL reads back from the current session: the context for follow-ups, the last SQL, the tokens.
extension Assistant {
    /// The SQL `\explain` starts from: the newest SQL of the session, whatever became of it (run,
    /// declined, refused or failed), so it is always the query the user last saw. Read from the
    /// history, so it survives `resume(sessionID:)`; nil for a new session or when the store cannot be read.
    public var lastSQL: String? {
        guard let sessionID, let records = try? history.messages(sessionID: sessionID) else { return nil }
        return records.last { $0.role == .assistant && $0.sql != nil }?.sql
    }

    /// Prompt and completion tokens spent in the current session, earlier runs of it included; zero
    /// without a session. Each message holds its own request's tokens, so the sum counts each once.
    /// `isEstimate` is false: the store does not say which counts the server reported.
    public func sessionUsage() -> TokenUsage {
        var usage = TokenUsage(promptTokens: 0, completionTokens: 0, isEstimate: false)
        guard let sessionID, let records = try? history.messages(sessionID: sessionID) else { return usage }
        for record in records {
            usage.promptTokens += record.promptTokens ?? 0
            usage.completionTokens += record.completionTokens ?? 0
        }
        return usage
    }
}
