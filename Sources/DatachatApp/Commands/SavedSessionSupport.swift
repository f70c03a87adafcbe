import ArgumentParser
import Assistant
import Databases
import History
import Replay

/// Opens the history store at `url` (kept apart from the analysed database, when given), or says which setting
/// to check: exit 2 for a store that cannot be used as configured (the analysed database itself, a bad URL, one a
/// newer datachat has migrated), 4 for one that cannot be opened or reached.
func openHistoryStore(
    _ url: String, apartFrom analysed: DatabaseLocation? = nil, analysedSchemas: [String] = [],
    check setting: String = "--history-url or DATACHAT_HISTORY_URL"
) throws(CommandFailure) -> HistoryStore {
    do {
        return try HistoryStore.open(
            DatabaseLocation(parsing: url), apartFrom: analysed, analysedSchemas: analysedSchemas)
    } catch {
        let usage = (error as? DatabaseError)?.code == .invalidLocation
        throw CommandFailure(
            "\(error): check \(setting)", exitCode: usage ? ExitStatus.usage : ExitStatus.databaseError)
    }
}

/// The history store of `settings`.
func openHistoryStore(_ settings: Settings) throws(CommandFailure) -> HistoryStore {
    try openHistoryStore(settings.historyURL)
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
