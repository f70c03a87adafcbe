import Databases

/// Reading the store back: listing, finding and deleting sessions.
extension HistoryStore {
    /// The columns of a session row, in the order `session(from:)` and `values(of:)` use.
    static let sessionColumnNames = [
        "id", "title", "created_at", "updated_at", "data_source", "dialect", "model", "endpoint_host", "user_name",
        "client_version", "schema_fingerprint", "replay_of",
    ]
    static let sessionColumns = sessionColumnNames.joined(separator: ", ")

    /// The columns of a message row, in the order `message(from:)` and `values(of:)` use.
    static let messageColumnNames = [
        "id", "session_id", "seq", "role", "content", "sql", "status", "error", "columns", "row_count", "result_hash",
        "result_preview", "attempt", "model", "prompt_tokens", "completion_tokens", "first_token_ms", "model_ms",
        "execution_ms", "total_ms", "created_at", "result_set_hash",
    ]
    static let messageColumns = messageColumnNames.joined(separator: ", ")

    /// The most recently active sessions first.
    public func sessions(limit: Int = 50) throws -> [SessionRecord] {
        try database.fetchAll(
            "SELECT \(Self.sessionColumns) FROM chat_sessions ORDER BY updated_at DESC LIMIT $1",
            parameters: [.integer(Int64(limit))]
        ).rows.map(Self.session(from:))
    }

    /// The session whose id is `id` or starts with it (like a short git hash); nil when none or several match.
    public func session(id: String) throws -> SessionRecord? {
        try Self.session(id: id, in: database)
    }

    static func session(id: String, in database: any Database) throws -> SessionRecord? {
        let matches = try sessions(matching: id, limit: 2, in: database)
        return matches.count == 1 ? matches[0] : nil
    }

    /// The sessions `id` names: the one whose id it is, else those whose id starts with it, at most
    /// `limit`, most recently active first.
    public func sessions(matching id: String, limit: Int = 10) throws -> [SessionRecord] {
        try Self.sessions(matching: id, limit: limit, in: database)
    }

    static func sessions(matching id: String, limit: Int, in database: any Database) throws -> [SessionRecord] {
        let rows = try database.fetchAll(
            """
            SELECT \(Self.sessionColumns) FROM chat_sessions WHERE id = $1 OR id LIKE $2 ESCAPE '\\'
            ORDER BY id = $1 DESC, updated_at DESC LIMIT $3
            """,
            parameters: [.text(id), .text(Self.likePrefix(id)), .integer(Int64(limit))]
        ).rows.map(Self.session(from:))
        if let exact = rows.first(where: { $0.id == id }) { return [exact] }
        return rows
    }

    /// The one session `id` names, or an error that says there is none or lists the several it could be.
    public func session(named id: String) throws -> SessionRecord {
        let matches = try sessions(matching: id, limit: 6)
        guard matches.count == 1 else { throw SessionLookupError(id: id, matches: matches) }
        return matches[0]
    }

    /// The most recently active session on the database `dataSource` (`--session last`, `-c`); nil when none.
    public func latestSession(dataSource: String) throws -> SessionRecord? {
        try database.fetchAll(
            "SELECT \(Self.sessionColumns) FROM chat_sessions WHERE data_source = $1 ORDER BY updated_at DESC LIMIT 1",
            parameters: [.text(dataSource)]
        ).rows.first.map(Self.session(from:))
    }

    public func messages(sessionID: String) throws -> [MessageRecord] {
        try Self.messages(sessionID: sessionID, in: database)
    }

    static func messages(sessionID: String, in database: any Database) throws -> [MessageRecord] {
        try database.fetchAll(
            "SELECT \(Self.messageColumns) FROM chat_messages WHERE session_id = $1 ORDER BY seq",
            parameters: [.text(sessionID)]
        ).rows.map(Self.message(from:))
    }

    /// Deletes a session, its messages and their confirmations; false when there was no such session.
    @discardableResult
    public func deleteSession(id: String) throws -> Bool {
        guard try session(id: id) != nil else { return false }
        try followFile()
        try database.transaction {
            // SQLite enforces no foreign keys unless asked, so the session's confirmations go explicitly too.
            try database.execute("DELETE FROM chat_examples WHERE session_id = $1", parameters: [.text(id)])
            try database.execute("DELETE FROM chat_messages WHERE session_id = $1", parameters: [.text(id)])
            try database.execute("DELETE FROM chat_sessions WHERE id = $1", parameters: [.text(id)])
        }
        return true
    }

    static func likePrefix(_ text: String) -> String {
        escapeLike(text) + "%"
    }

    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    static func session(from row: [DatabaseValue]) -> SessionRecord {
        func text(_ index: Int) -> String { row[index].stringValue ?? "" }
        return SessionRecord(
            id: text(0), title: text(1), createdAt: text(2), updatedAt: text(3), dataSource: text(4), dialect: text(5),
            model: text(6), endpointHost: text(7), userName: text(8), clientVersion: text(9),
            schemaFingerprint: text(10), replayOf: row[11].stringValue)
    }

    static func message(from row: [DatabaseValue]) -> MessageRecord {
        MessageRecord(
            id: row[0].stringValue ?? "", sessionID: row[1].stringValue ?? "", seq: row[2].intValue ?? 0,
            role: MessageRecord.Role(rawValue: row[3].stringValue ?? "") ?? .user, content: row[4].stringValue ?? "",
            sql: row[5].stringValue, status: MessageStatus(rawValue: row[6].stringValue ?? "") ?? .error,
            error: row[7].stringValue, columns: decodeColumns(row[8].stringValue), rowCount: row[9].intValue,
            resultHash: row[10].stringValue, resultPreview: row[11].stringValue, attempt: row[12].intValue ?? 1,
            model: row[13].stringValue, promptTokens: row[14].intValue, completionTokens: row[15].intValue,
            firstTokenMilliseconds: row[16].doubleValue, modelMilliseconds: row[17].doubleValue,
            executionMilliseconds: row[18].doubleValue, totalMilliseconds: row[19].doubleValue,
            createdAt: row[20].stringValue ?? "", resultSetHash: row[21].stringValue)
    }
}
