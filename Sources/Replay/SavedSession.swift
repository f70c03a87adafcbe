import History

/// A session read whole from the store: its record, messages, turns and confirmed answers.
public struct SavedSession: Sendable {
    public var record: SessionRecord
    public var messages: [MessageRecord]
    public var turns: [SavedTurn]
    public var confirmed: Set<String>

    /// Reads the session `id` (or the unique start of one). An unknown or ambiguous id and an unreadable
    /// store are each one line saying what to do.
    public static func load(id: String, from store: HistoryStore) throws(ReplayError) -> SavedSession {
        do {
            guard let record = try store.session(id: id) else {
                throw ReplayError(
                    .unknownSession,
                    "no session \(id) (unknown, or the start of more than one id): "
                        + "`datachat sessions list` shows them")
            }
            let messages = try store.messages(sessionID: record.id)
            return SavedSession(
                record: record, messages: messages, turns: SavedTurn.turns(of: messages),
                confirmed: try store.confirmedMessageIDs(sessionID: record.id))
        } catch let error as ReplayError {
            throw error
        } catch {
            throw ReplayError(.history, "cannot read the history store: \(error)")
        }
    }

    /// The turns with SQL to run again.
    public var sqlTurns: [SavedTurn] { turns.filter { $0.sql != nil } }

    /// Turns as the store kept them, for `sessions show` and `export`.
    public var transcript: [TranscriptTurn] { turns.map { TranscriptTurn(saved: $0, confirmed: confirmed) } }
}

/// A failure of replay's own making, as a value with a code the command maps to its exit status.
public struct ReplayError: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// No session has that id, or several start with it.
        public static let unknownSession = Code("unknown session")
        public static let history = Code("history")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
