import Databases
import FoundationEssentials
import SQLGuard

/// The session store: every turn of every conversation, in SQLite or PostgreSQL.
///
/// Writes are small and immediate, so nothing the user typed is lost when a later step fails.
public final class HistoryStore {
    let database: any Database

    /// Uses `database` (opened read-write) as the store, creating or upgrading its tables.
    public init(database: any Database) throws {
        self.database = database
        if database.dialect == .sqlite {
            // WAL lets a reader (`sessions list` in another terminal) run beside a writer, and NORMAL
            // syncs once per checkpoint instead of once per message: three fewer fsyncs per turn.
            try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        }
        try migrate()
    }

    /// Opens the store at `location`, creating a SQLite file and its folder when missing.
    public static func open(_ location: DatabaseLocation) throws -> HistoryStore {
        if case .sqlite(let path) = location.engine, let slash = path.lastIndex(of: "/") {
            let folder = String(path[..<slash])
            if !folder.isEmpty {
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        }
        do {
            return try HistoryStore(database: DatabaseConnector.open(location, access: .readWrite))
        } catch let error as DatabaseError {
            throw DatabaseError(
                error.code, "cannot open the history store \(location.redacted): \(error.message)",
                engineCode: error.engineCode)
        }
    }

    public static func newID() -> String {
        UUID().uuidString.lowercased()
    }

    public func createSession(_ session: SessionRecord) throws {
        try database.execute(
            """
            INSERT INTO chat_sessions (id, title, created_at, updated_at, data_source, dialect, model, endpoint_host,
                user_name, client_version, schema_fingerprint, replay_of)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """,
            parameters: [
                .text(session.id), .text(session.title), .text(session.createdAt), .text(session.updatedAt),
                .text(session.dataSource), .text(session.dialect), .text(session.model), .text(session.endpointHost),
                .text(session.userName), .text(session.clientVersion), .text(session.schemaFingerprint),
                .optional(session.replayOf),
            ])
    }

    /// Saves `message` as the session's next one and returns it with its id, seq and time filled in.
    @discardableResult
    public func append(_ message: MessageRecord) throws -> MessageRecord {
        var saved = message
        saved.id = Self.newID()
        saved.createdAt = Timestamp.now()
        let columns = message.columns.map(Self.encodeColumns)
        try database.transaction {
            // Touching the session row first locks it (a row lock in PostgreSQL, the write lock in SQLite),
            // so two processes appending to one session take turns and never compute the same seq.
            try database.execute(
                "UPDATE chat_sessions SET updated_at = $1 WHERE id = $2",
                parameters: [.text(saved.createdAt), .text(saved.sessionID)])
            let next =
                try database.fetchAll(
                    "SELECT coalesce(max(seq), 0) + 1 FROM chat_messages WHERE session_id = $1",
                    parameters: [.text(message.sessionID)]
                ).rows.first?.first?.intValue ?? 1
            saved.seq = next
            try database.execute(
                """
                INSERT INTO chat_messages (id, session_id, seq, role, content, sql, status, error, columns, row_count,
                    result_hash, result_preview, attempt, model, prompt_tokens, completion_tokens, first_token_ms,
                    model_ms, execution_ms, total_ms, created_at, result_set_hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
                    $22)
                """,
                parameters: [
                    .text(saved.id), .text(saved.sessionID), .integer(Int64(next)), .text(saved.role.rawValue),
                    .text(saved.content), .optional(saved.sql), .text(saved.status.rawValue), .optional(saved.error),
                    .optional(columns), .optional(saved.rowCount), .optional(saved.resultHash),
                    .optional(saved.resultPreview), .integer(Int64(saved.attempt)), .optional(saved.model),
                    .optional(saved.promptTokens), .optional(saved.completionTokens),
                    .optional(saved.firstTokenMilliseconds), .optional(saved.modelMilliseconds),
                    .optional(saved.executionMilliseconds), .optional(saved.totalMilliseconds), .text(saved.createdAt),
                    .optional(saved.resultSetHash),
                ])
        }
        return saved
    }

    /// Column names as a JSON array of strings.
    static func encodeColumns(_ columns: [String]) -> String {
        guard let data = try? JSONEncoder().encode(columns) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    static func decodeColumns(_ text: String?) -> [String]? {
        guard let text else { return nil }
        return try? JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
