import Databases
import History

/// Every column of a saved message as a named value, in the store's order: one list for JSON and for the
/// message table `sessions show --format csv` prints, so neither forgets a field the other has.
public enum MessageFields {
    public static let names = [
        "id", "session_id", "seq", "role", "content", "sql", "status", "error", "columns", "row_count",
        "result_hash", "result_set_hash", "result_preview", "attempt", "model", "prompt_tokens", "completion_tokens",
        "first_token_ms", "model_ms", "execution_ms", "total_ms", "created_at", "confirmed",
    ]

    public static func values(_ message: MessageRecord, confirmed: Bool) -> [DatabaseValue] {
        func text(_ value: String?) -> DatabaseValue { value.map { .text($0) } ?? .null }
        func integer(_ value: Int?) -> DatabaseValue { value.map { .integer(Int64($0)) } ?? .null }
        func real(_ value: Double?) -> DatabaseValue { value.map { .real($0) } ?? .null }
        return [
            .text(message.id), .text(message.sessionID), integer(message.seq), .text(message.role.rawValue),
            .text(message.content), text(message.sql), .text(message.status.rawValue), text(message.error),
            message.columns.map { .array($0.map { .text($0) }) } ?? .null, integer(message.rowCount),
            text(message.resultHash), text(message.resultSetHash), text(message.resultPreview),
            integer(message.attempt), text(message.model), integer(message.promptTokens),
            integer(message.completionTokens), real(message.firstTokenMilliseconds), real(message.modelMilliseconds),
            real(message.executionMilliseconds), real(message.totalMilliseconds), .text(message.createdAt),
            .boolean(confirmed),
        ]
    }

    /// The messages as a result, one row each, for the tabular formats.
    public static func table(_ messages: [MessageRecord], confirmed: Set<String>) -> QueryResult {
        QueryResult(
            columns: names.map { Column(name: $0) },
            rows: messages.map { values($0, confirmed: confirmed.contains($0.id)) })
    }
}
