import Databases
import FoundationEssentials
import SQLGuard

/// The session store: every turn of every conversation, in SQLite or PostgreSQL.
///
/// Writes are small and immediate, so nothing the user typed is lost when a later step fails.
public final class HistoryStore {
    /// The store's connection; replaced when its SQLite file is deleted or replaced (`HistoryStore+File`).
    var database: any Database
    /// The SQLite file's identity when it was opened, to notice its deletion before a write.
    var file: StoreFile?
    /// Told, in one line, of what the store did on its own (a history file recreated after its deletion).
    public var onNotice: ((String) -> Void)?
    /// Sessions this store has written to, copied into a file that replaced the one they were in.
    var sessionsWritten: Set<String> = []

    /// Uses `database` (opened read-write) as the store, creating or upgrading its tables.
    public init(database: any Database) throws {
        self.database = database
        try Self.prepare(database)
        if case .sqlite(let path) = database.location.engine { file = StoreFile(path: path) }
    }

    /// WAL, then the migrations: what every connection to a store needs before its first write.
    static func prepare(_ database: any Database) throws {
        if database.dialect == .sqlite {
            // WAL lets a reader (`sessions list` in another terminal) run beside a writer, and NORMAL
            // syncs once per checkpoint instead of once per message: three fewer fsyncs per turn.
            try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        }
        try migrate(database)
    }

    /// Opens the store at `location`, creating a SQLite file (mode 0600) and its folder when missing.
    ///
    /// With `analysed`, refuses a store that is that database (`HistoryStore+Separation`): its tables would
    /// be written into the data being asked about, and shown to the model with the schema.
    public static func open(
        _ location: DatabaseLocation, apartFrom analysed: DatabaseLocation? = nil, analysedSchemas: [String] = []
    ) throws -> HistoryStore {
        if let analysed { try refuseSameFile(location, analysed) }
        if case .sqlite(let path) = location.engine {
            if let slash = path.lastIndex(of: "/"), !path[..<slash].isEmpty {
                try? FileManager.default.createDirectory(
                    atPath: String(path[..<slash]), withIntermediateDirectories: true)
            }
            FileIdentity.createPrivateFile(at: path)
        }
        do {
            let database = try DatabaseConnector.open(location, access: .readWrite)
            if let analysed {
                try refuseSameServerSchema(database, location, analysed, analysedSchemas: analysedSchemas)
            }
            return try HistoryStore(database: database)
        } catch let error as DatabaseError {
            if error.code == .invalidLocation { throw error }
            throw DatabaseError(
                error.code, "cannot open the history store \(location.redacted): \(error.message)",
                engineCode: error.engineCode)
        }
    }

    public static func newID() -> String {
        UUID().uuidString.lowercased()
    }

    public func createSession(_ session: SessionRecord) throws {
        try write {
            try Self.insert(session, into: database)
            sessionsWritten.insert(session.id)
        }
    }

    /// Creates `session` with its first message in one transaction, so a turn killed between the two
    /// never leaves a session without its question. Returns the message as saved.
    @discardableResult
    public func createSession(_ session: SessionRecord, firstMessage: MessageRecord) throws -> MessageRecord {
        try write {
            try database.transaction {
                try Self.insert(session, into: database)
                sessionsWritten.insert(session.id)
                return try insertNext(firstMessage, settling: nil)
            }
        }
    }

    /// Saves `message` as the session's next one and returns it with its id, seq and time filled in.
    ///
    /// `settling` names the turn's question: it takes this message's status in the same transaction, so
    /// the question's row ends as its turn did instead of staying `pending`.
    @discardableResult
    public func append(_ message: MessageRecord, settling questionID: String? = nil) throws -> MessageRecord {
        try write {
            try database.transaction { try insertNext(message, settling: questionID) }
        }
    }

    static func insert(_ session: SessionRecord, into database: any Database) throws {
        try database.execute(
            "INSERT INTO chat_sessions (\(sessionColumns)) VALUES (\(placeholders(sessionColumnNames.count)))",
            parameters: values(of: session))
    }

    /// `session`'s values in the order of `sessionColumnNames`.
    static func values(of session: SessionRecord) -> [DatabaseValue] {
        [
            .text(session.id), .storedText(session.title), .text(session.createdAt), .text(session.updatedAt),
            .text(session.dataSource), .text(session.dialect), .text(session.model), .text(session.endpointHost),
            .text(session.userName), .text(session.clientVersion), .text(session.schemaFingerprint),
            .optional(session.replayOf),
        ]
    }

    /// `$1, $2, ... $count`.
    static func placeholders(_ count: Int) -> String {
        (1...count).map { "$\($0)" }.joined(separator: ", ")
    }

    /// The insert of `append`, inside the caller's transaction.
    private func insertNext(_ message: MessageRecord, settling questionID: String?) throws -> MessageRecord {
        var saved = message
        saved.id = Self.newID()
        saved.createdAt = Timestamp.now()
        // Touching the session row first locks it (a row lock in PostgreSQL, the write lock in SQLite),
        // so two processes appending to one session take turns and never compute the same seq.
        try database.execute(
            "UPDATE chat_sessions SET updated_at = $1 WHERE id = $2",
            parameters: [.text(saved.createdAt), .text(saved.sessionID)])
        saved.seq =
            try database.fetchAll(
                "SELECT coalesce(max(seq), 0) + 1 FROM chat_messages WHERE session_id = $1",
                parameters: [.text(message.sessionID)]
            ).rows.first?.first?.intValue ?? 1
        try Self.insertRecord(saved, into: database)
        if let questionID {
            try database.execute(
                "UPDATE chat_messages SET status = $1 WHERE id = $2 AND role = 'user'",
                parameters: [.text(saved.status.rawValue), .text(questionID)])
        }
        sessionsWritten.insert(saved.sessionID)
        return saved
    }

    /// Inserts `record` as it is, id and seq included.
    static func insertRecord(_ record: MessageRecord, into database: any Database) throws {
        try database.execute(
            "INSERT INTO chat_messages (\(messageColumns)) VALUES (\(placeholders(messageColumnNames.count)))",
            parameters: values(of: record))
    }

    /// `record`'s values in the order of `messageColumnNames`.
    static func values(of record: MessageRecord) -> [DatabaseValue] {
        [
            .text(record.id), .text(record.sessionID), .integer(Int64(record.seq)), .text(record.role.rawValue),
            .storedText(record.content), .optionalStored(record.sql), .text(record.status.rawValue),
            .optionalStored(record.error), .optional(record.columns.map(encodeColumns)),
            .optional(record.rowCount), .optional(record.resultHash), .optionalStored(record.resultPreview),
            .integer(Int64(record.attempt)), .optional(record.model), .optional(record.promptTokens),
            .optional(record.completionTokens), .optional(record.firstTokenMilliseconds),
            .optional(record.modelMilliseconds), .optional(record.executionMilliseconds),
            .optional(record.totalMilliseconds), .text(record.createdAt), .optional(record.resultSetHash),
        ]
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
