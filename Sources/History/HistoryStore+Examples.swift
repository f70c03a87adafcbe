import Databases

/// Confirmed examples: marking an answered turn as right, unmarking it, and reading a database's examples back.
extension HistoryStore {
    static let exampleColumns = "message_id, session_id, data_source, question, sql, confirmed_at"

    /// Confirms the answer `messageID` and returns the example it became; confirming it again changes nothing.
    ///
    /// Nil when that message is not an assistant answer whose SQL ran (status ok, a row count): a failed,
    /// refused, cancelled, unrun (`--sql-only`) or wordless turn is never an example.
    ///
    /// `dataSource` is the database the answer ran on, as the caller has it open: a resumed session may have
    /// been started on another database, so the session's own data source is only the fallback.
    @discardableResult
    public func confirm(messageID: String, dataSource current: String? = nil) throws -> ConfirmedExample? {
        try followFile()
        let found = try database.fetchAll(
            """
            SELECT m.session_id, s.data_source, m.sql,
                (SELECT q.content FROM chat_messages q
                 WHERE q.session_id = m.session_id AND q.seq < m.seq AND q.role = 'user'
                 ORDER BY q.seq DESC LIMIT 1)
            FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
            WHERE m.id = $1 AND m.role = 'assistant' AND m.status = 'ok' AND m.sql IS NOT NULL
                AND m.row_count IS NOT NULL
            """,
            parameters: [.text(messageID)]
        ).rows.first
        guard let found, let sessionID = found[0].stringValue, let dataSource = current ?? found[1].stringValue,
            let sql = found[2].stringValue, let question = found[3].stringValue
        else { return nil }
        try database.execute(
            """
            INSERT INTO chat_examples (\(Self.exampleColumns)) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (message_id) DO NOTHING
            """,
            parameters: [
                .text(messageID), .text(sessionID), .text(dataSource), .text(question), .text(sql),
                .text(Timestamp.now()),
            ])
        return try confirmedExample(messageID: messageID)
    }

    /// Takes the confirmation off `messageID`; false when it had none.
    @discardableResult
    public func unconfirm(messageID: String) throws -> Bool {
        try followFile()
        guard try confirmedExample(messageID: messageID) != nil else { return false }
        try database.execute("DELETE FROM chat_examples WHERE message_id = $1", parameters: [.text(messageID)])
        return true
    }

    /// The example `messageID` became, or nil when it is not confirmed.
    public func confirmedExample(messageID: String) throws -> ConfirmedExample? {
        try database.fetchAll(
            "SELECT \(Self.exampleColumns) FROM chat_examples WHERE message_id = $1", parameters: [.text(messageID)]
        ).rows.first.map(Self.example(from:))
    }

    /// Every confirmed example of the database `dataSource`, oldest first.
    public func confirmedExamples(dataSource: String) throws -> [ConfirmedExample] {
        try database.fetchAll(
            "SELECT \(Self.exampleColumns) FROM chat_examples WHERE data_source = $1 ORDER BY confirmed_at, message_id",
            parameters: [.text(dataSource)]
        ).rows.map(Self.example(from:))
    }

    /// The answers of one session that are confirmed, for `sessions show` and `\history`.
    public func confirmedMessageIDs(sessionID: String) throws -> Set<String> {
        Set(
            try database.fetchAll(
                "SELECT message_id FROM chat_examples WHERE session_id = $1", parameters: [.text(sessionID)]
            ).rows.compactMap { $0.first?.stringValue })
    }

    static func example(from row: [DatabaseValue]) -> ConfirmedExample {
        func text(_ index: Int) -> String { row[index].stringValue ?? "" }
        return ConfirmedExample(
            messageID: text(0), sessionID: text(1), dataSource: text(2), question: text(3), sql: text(4),
            confirmedAt: text(5))
    }
}
