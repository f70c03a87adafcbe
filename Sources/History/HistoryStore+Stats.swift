import Databases

/// What `datachat stats` counts: the turns of the store, read without their text.
extension HistoryStore {
    /// Every turn asked on or after `since` (an ISO 8601 date or time, UTC), of one session or of all.
    ///
    /// Only the columns the figures need are read, in the order of the (session_id, seq) index, so a store
    /// of a million messages is one pass over its rows without their text.
    public func turns(since: String? = nil, sessionID: String? = nil) throws -> [UsageStats.Turn] {
        var conditions: [String] = []
        var parameters: [DatabaseValue] = []
        if let since {
            parameters.append(.text(since))
            conditions.append("created_at >= $\(parameters.count)")
        }
        if let sessionID {
            parameters.append(.text(sessionID))
            conditions.append("session_id = $\(parameters.count)")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        var turns: [UsageStats.Turn] = []
        try database.query(
            """
            SELECT session_id, role, status, created_at, prompt_tokens, completion_tokens, first_token_ms, model_ms,
                execution_ms
            FROM chat_messages \(filter) ORDER BY session_id, seq
            """,
            parameters: parameters, limits: .none, columns: { _ in },
            row: { row in
                let message = MessageRecord(
                    sessionID: row[0].stringValue ?? "",
                    role: MessageRecord.Role(rawValue: row[1].stringValue ?? "")
                        ?? .user, content: "", status: MessageStatus(rawValue: row[2].stringValue ?? "") ?? .error,
                    promptTokens: row[4].intValue, completionTokens: row[5].intValue,
                    firstTokenMilliseconds: row[6].doubleValue, modelMilliseconds: row[7].doubleValue,
                    executionMilliseconds: row[8].doubleValue, createdAt: row[3].stringValue ?? "")
                switch message.role {
                case .user:
                    turns.append(UsageStats.Turn(question: message))
                case .assistant:
                    // An answer whose question is before `since` (or of another session) starts no turn.
                    if let last = turns.indices.last, turns[last].sessionID == message.sessionID {
                        turns[last].add(message)
                    }
                }
                return true
            })
        return turns
    }
}
