import Databases

/// What `datachat history migrate` copied, and what the target already held.
public struct HistoryCopyCounts: Sendable, Hashable {
    public var sessionsCopied = 0
    public var sessionsPresent = 0
    public var messagesCopied = 0
    public var messagesPresent = 0
    public var examplesCopied = 0
    public var examplesPresent = 0

    public init() {}
}

/// The target of a copy holds a row under an id of the source's with other contents: copying would mix two
/// histories, so nothing is copied.
public struct HistoryCopyConflict: Error, CustomStringConvertible, Sendable {
    /// What differs, e.g. `message 3 of session 5f0c…`.
    public var row: String
    public var description: String {
        "the target already holds a different \(row): nothing was copied (it is another history, or it was changed)"
    }
}

/// Copying one store into another, SQLite or PostgreSQL either way.
extension HistoryStore {
    /// The messages in the store, for a copy's progress.
    public func messageCount() throws -> Int {
        try database.fetchAll("SELECT count(*) FROM chat_messages").rows.first?.first?.intValue ?? 0
    }

    /// Copies every session, message and confirmed example of this store into `target`, in one transaction
    /// of the target's, and returns the counts. Rows the target already holds as they are here are left
    /// alone, so a second copy copies nothing; a session continued here since an earlier copy gets its new
    /// messages (and its later `updated_at`). A row the target holds under the same id (or a message at the
    /// same place of the same session) with other contents throws `HistoryCopyConflict` before the
    /// transaction commits, leaving the target as it was.
    ///
    /// `progress` is told the messages done and the total after each session.
    public func copy(
        to target: HistoryStore, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws -> HistoryCopyCounts {
        let total = try messageCount()
        let sessions = try database.fetchAll(
            "SELECT \(Self.sessionColumns) FROM chat_sessions ORDER BY created_at, id"
        ).rows.map(Self.session(from:))
        let into = target.database
        var counts = HistoryCopyCounts()
        var done = 0
        try target.write {
            try into.transaction {
                for session in sessions {
                    try copySession(session, into: into, counts: &counts)
                    done += try copyMessages(of: session.id, into: into, counts: &counts)
                    progress(done, total)
                }
                try copyExamples(into: into, counts: &counts)
            }
        }
        return counts
    }

    private func copySession(_ session: SessionRecord, into target: any Database, counts: inout HistoryCopyCounts)
        throws
    {
        guard let held = try Self.session(exactly: session.id, in: target) else {
            try Self.insert(session, into: target)
            counts.sessionsCopied += 1
            return
        }
        var comparable = held
        comparable.updatedAt = session.updatedAt
        guard comparable == session else { throw HistoryCopyConflict(row: "session \(session.id)") }
        counts.sessionsPresent += 1
        if session.updatedAt > held.updatedAt {
            try target.execute(
                "UPDATE chat_sessions SET updated_at = $1 WHERE id = $2",
                parameters: [.text(session.updatedAt), .text(session.id)])
        }
    }

    /// Copies the session's messages the target lacks, in batches; returns how many the session has.
    private func copyMessages(of sessionID: String, into target: any Database, counts: inout HistoryCopyCounts)
        throws -> Int
    {
        let messages = try Self.messages(sessionID: sessionID, in: database)
        let held = Dictionary(
            try Self.messages(sessionID: sessionID, in: target).map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a })
        var missing: [[DatabaseValue]] = []
        for message in messages {
            guard let there = held[message.seq] else {
                missing.append(Self.values(of: message))
                continue
            }
            guard there == message else {
                throw HistoryCopyConflict(row: "message \(message.seq) of session \(sessionID)")
            }
            counts.messagesPresent += 1
        }
        for start in stride(from: 0, to: missing.count, by: 1_000) {
            let batch = Array(missing[start..<min(start + 1_000, missing.count)])
            // A message id the target holds in another of its sessions.
            let ids = batch.map { $0[0] }
            if let taken = try target.fetchAll(
                "SELECT id FROM chat_messages WHERE id IN (\(Self.placeholders(ids.count))) LIMIT 1", parameters: ids
            ).rows.first?.first?.stringValue {
                throw HistoryCopyConflict(row: "message \(taken), in another session than \(sessionID)")
            }
            try target.insertRows(into: "chat_messages", columns: Self.messageColumnNames, rows: batch)
        }
        counts.messagesCopied += missing.count
        return messages.count
    }

    private func copyExamples(into target: any Database, counts: inout HistoryCopyCounts) throws {
        let columns = "message_id, session_id, data_source, question, sql, confirmed_at"
        let held = Dictionary(
            try target.fetchAll("SELECT \(columns) FROM chat_examples").rows.map { ($0[0].stringValue ?? "", $0) },
            uniquingKeysWith: { a, _ in a })
        for example in try database.fetchAll("SELECT \(columns) FROM chat_examples ORDER BY confirmed_at").rows {
            let id = example[0].stringValue ?? ""
            guard let there = held[id] else {
                try target.execute(
                    "INSERT INTO chat_examples (\(columns)) VALUES (\(Self.placeholders(6)))", parameters: example)
                counts.examplesCopied += 1
                continue
            }
            guard there == example else { throw HistoryCopyConflict(row: "confirmed example \(id)") }
            counts.examplesPresent += 1
        }
    }

    /// The session whose id is exactly `id` (no prefix match: a copy compares rows by their ids).
    static func session(exactly id: String, in database: any Database) throws -> SessionRecord? {
        try database.fetchAll(
            "SELECT \(sessionColumns) FROM chat_sessions WHERE id = $1", parameters: [.text(id)]
        ).rows.first.map(session(from:))
    }
}
