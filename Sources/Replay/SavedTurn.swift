import History

/// One question of a saved session and the answers it got: the unit replay re-runs and compares.
///
/// A turn is a user message and the assistant messages after it, one per attempt; the last attempt is the
/// answer the user was left with, so its SQL is the one replayed.
public struct SavedTurn: Sendable {
    /// The turn's place in the session, from 1, as `\rerun N` and the check lines number it.
    public var number: Int
    public var question: MessageRecord
    /// Every attempt, oldest first; empty when the answer was never saved (an interrupted run).
    public var attempts: [MessageRecord]

    public init(number: Int, question: MessageRecord, attempts: [MessageRecord]) {
        self.number = number
        self.question = question
        self.attempts = attempts
    }

    /// The answer the turn ended with.
    public var answer: MessageRecord? { attempts.last }

    /// The SQL replay runs: the final attempt's, whether it ran, failed or was refused.
    public var sql: String? { answer?.sql }

    /// The saved result can be compared: the answer ran and its rows were counted and hashed
    /// (a `--sql-only` answer is `ok` without a row count).
    public var hasSavedResult: Bool {
        answer?.status == .ok && answer?.rowCount != nil && answer?.sql != nil
    }

    /// The turns of a session's messages, in order. Assistant messages before any question (none are
    /// written so) are dropped rather than guessed at.
    public static func turns(of messages: [MessageRecord]) -> [SavedTurn] {
        var turns: [SavedTurn] = []
        for message in messages {
            switch message.role {
            case .user:
                turns.append(SavedTurn(number: turns.count + 1, question: message, attempts: []))
            case .assistant:
                if !turns.isEmpty { turns[turns.count - 1].attempts.append(message) }
            }
        }
        return turns
    }
}
