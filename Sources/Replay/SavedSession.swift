import Assistant
import History

/// A session read whole from the store: its record, messages, turns and confirmed answers.
public struct SavedSession: Sendable {
    public var record: SessionRecord
    public var messages: [MessageRecord]
    public var turns: [SavedTurn]
    public var confirmed: Set<String>

    /// Reads the session `id` (or the unique start of one; `last` is the most recently active session, on
    /// whichever database: replay then says when it is not this one). An unknown or ambiguous id and an
    /// unreadable store are each one line saying what to do.
    /// The failure's code is `configuration` for the id and `history` for the store, as `Assistant.resume` says.
    public static func load(id: String, from store: HistoryStore) throws(AssistantError) -> SavedSession {
        try AssistantError.lookingUpSession {
            let record: SessionRecord
            if id == Assistant.lastSession {
                guard let newest = try store.sessions(limit: 1).first else {
                    throw AssistantError(.configuration, "no saved session yet: ask a question first")
                }
                record = newest
            } else {
                record = try store.session(named: id)
            }
            let messages = try store.messages(sessionID: record.id)
            return SavedSession(
                record: record, messages: messages, turns: SavedTurn.turns(of: messages),
                confirmed: try store.confirmedMessageIDs(sessionID: record.id))
        }
    }

    /// The turns with SQL to run again.
    public var sqlTurns: [SavedTurn] { turns.filter { $0.sql != nil } }

    /// Turns as the store kept them, for `sessions show` and `export`.
    public var transcript: [TranscriptTurn] { turns.map { TranscriptTurn(saved: $0, confirmed: confirmed) } }
}
