import ArgumentParser
import Assistant
import Databases
import History
import Replay

/// Opens the history store of `settings`, or says which setting to check.
func openHistoryStore(_ settings: Settings) throws -> HistoryStore {
    do {
        return try HistoryStore.open(DatabaseLocation(parsing: settings.historyURL))
    } catch {
        throw CommandFailure(
            "\(error): check --history-url or DATACHAT_HISTORY_URL", exitCode: ExitStatus.databaseError)
    }
}

/// Reads a saved session, its failure as one line and the contract's exit code.
func loadSession(_ id: String, from store: HistoryStore) throws -> SavedSession {
    do {
        return try SavedSession.load(id: id, from: store)
    } catch {
        throw CommandFailure(
            error.message, exitCode: error.code == .history ? ExitStatus.databaseError : ExitStatus.usage)
    }
}

extension ExitStatus {
    /// `replay --check` or `--reask` found a turn that differs from what was saved, or `history migrate` a
    /// target holding other rows under the same ids (DESIGN.md's codes, plus this).
    static let differs: Int32 = 8
}
