import Databases

/// What running a saved SQL again gave.
public enum ReplayRun: Sendable {
    case ran(FreshResult)
    /// The guard refuses the SQL today: it was not run.
    case refused(reason: String)
    case failed(DatabaseError)
    /// The turn has no SQL to run (an answer in words, or no answer saved).
    case nothingToRun

    /// One line for a failed or refused run; nil when it ran or had nothing to run.
    public var failureMessage: String? {
        switch self {
        case .refused(let reason): "the SQL was refused: \(reason)"
        case .failed(let error): "the database reported an error: \(error.message)"
        case .ran, .nothingToRun: nil
        }
    }
}

/// A result fetched by replay: its rows (up to the row cap), the hashes the store keeps, and its time.
public struct FreshResult: Sendable {
    public var result: QueryResult
    /// Rows fetched, equal to `result.rows.count`.
    public var rowCount: Int { result.rows.count }
    /// In the order the rows came, as `chat_messages.result_hash`.
    public var hash: String
    /// In any order, as `chat_messages.result_set_hash`.
    public var setHash: String
    public var executionMilliseconds: Double
}

/// A saved turn beside what it gives today.
public struct ReplayedTurn: Sendable {
    public var saved: SavedTurn
    public var run: ReplayRun

    public init(saved: SavedTurn, run: ReplayRun) {
        self.saved = saved
        self.run = run
    }
}
