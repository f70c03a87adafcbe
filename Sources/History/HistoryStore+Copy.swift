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
    /// The messages are read in one pass and written in batches (COPY on PostgreSQL); only the sessions the
    /// target already has are compared message by message. `progress` is told the messages done and the
    /// total after each batch.
    public func copy(
        to target: HistoryStore, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws -> HistoryCopyCounts {
        let total = try messageCount()
        let into = target.database
        var counts = HistoryCopyCounts()
        try target.write {
            try into.transaction {
                let held = Dictionary(
                    try into.fetchAll("SELECT \(Self.sessionColumns) FROM chat_sessions").rows.map(Self.session(from:))
                        .map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                for session in try database.fetchAll("SELECT \(Self.sessionColumns) FROM chat_sessions").rows.map(
                    Self.session(from:))
                {
                    try copySession(session, held: held[session.id], into: into, counts: &counts)
                }
                var batch = MessageBatch(target: into)
                try database.query(
                    "SELECT \(Self.messageColumns) FROM chat_messages ORDER BY session_id, seq", parameters: [],
                    limits: .none, columns: { _ in },
                    row: { row in
                        let message = Self.message(from: row)
                        if held[message.sessionID] == nil {
                            batch.missing.append(Self.values(of: message))
                        } else if let there = try batch.heldMessage(message) {
                            guard there == message else {
                                throw HistoryCopyConflict(row: "message \(message.seq) of session \(message.sessionID)")
                            }
                            counts.messagesPresent += 1
                        } else {
                            batch.missing.append(Self.values(of: message))
                        }
                        batch.done += 1
                        if batch.missing.count >= MessageBatch.size || batch.done % MessageBatch.size == 0 {
                            counts.messagesCopied += try batch.flush()
                            progress(batch.done, total)
                        }
                        return true
                    })
                counts.messagesCopied += try batch.flush()
                progress(batch.done, total)
                try copyExamples(into: into, counts: &counts)
            }
        }
        return counts
    }

    private func copySession(
        _ session: SessionRecord, held: SessionRecord?, into target: any Database, counts: inout HistoryCopyCounts
    ) throws {
        guard let held else {
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
}

/// The messages on their way into a copy's target: the rows it lacks, written a batch at a time, and the
/// messages of the session being read that the target already holds, to compare.
private struct MessageBatch {
    static let size = 1_000
    let target: any Database
    var missing: [[DatabaseValue]] = []
    var done = 0
    /// The target's messages of one session the target already has, by seq.
    private var session: (id: String, messages: [Int: MessageRecord])?

    init(target: any Database) {
        self.target = target
    }

    /// The message the target holds at `message`'s place in its session, if any.
    mutating func heldMessage(_ message: MessageRecord) throws -> MessageRecord? {
        if session?.id != message.sessionID {
            let messages = try HistoryStore.messages(sessionID: message.sessionID, in: target)
            session = (message.sessionID, Dictionary(messages.map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a }))
        }
        return session?.messages[message.seq]
    }

    /// Writes the missing rows, after checking that none of their ids is taken in the target (by a message
    /// of another session); returns how many were written.
    mutating func flush() throws -> Int {
        guard !missing.isEmpty else { return 0 }
        let ids = missing.map { $0[0] }
        if let taken = try target.fetchAll(
            "SELECT id, session_id FROM chat_messages WHERE id IN (\(HistoryStore.placeholders(ids.count))) LIMIT 1",
            parameters: ids
        ).rows.first {
            throw HistoryCopyConflict(
                row: "message \(taken[0].stringValue ?? ""), in session \(taken[1].stringValue ?? "")")
        }
        try target.insertRows(into: "chat_messages", columns: HistoryStore.messageColumnNames, rows: missing)
        defer { missing.removeAll(keepingCapacity: true) }
        return missing.count
    }
}
