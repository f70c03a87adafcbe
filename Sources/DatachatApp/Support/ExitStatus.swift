import ArgumentParser
import Assistant

/// The exit codes of the command-line contract (DESIGN.md).
enum ExitStatus {
    static let answered: Int32 = 0
    static let usage: Int32 = 2
    static let rejected: Int32 = 3
    static let databaseError: Int32 = 4
    static let endpointError: Int32 = 5
    static let noSQL: Int32 = 6
    /// The history store could not save the turn (the answer, if any, was still printed).
    static let historyError: Int32 = 7
    static let interrupted: Int32 = 130

    /// A turn's code: its failure's, but 7 over an answer (or words) that could not be saved.
    static func code(for outcome: TurnOutcome) -> Int32 {
        let code = outcome.failure.map(code(for:)) ?? answered
        return outcome.historyFailure != nil && (code == answered || code == noSQL) ? historyError : code
    }

    static func code(for failure: TurnFailure) -> Int32 {
        switch failure {
        case .endpoint(let error):
            return error.code == .missingKey || error.code == .invalidConfiguration ? usage : endpointError
        case .noSQL, .unqueriedFigures: return noSQL
        case .rejected: return rejected
        // A name the schema lacks is the database's error, caught before the query ran: 4, as when the
        // engine reports it. 3 stays what scripts read it as, a refusal of what is not a read-only query.
        case .unknownReference, .database: return databaseError
        case .repeated(let earlier): return code(for: earlier)
        // The user stopped it, at the confirmation prompt or with Ctrl-C.
        case .cancelled, .declined: return interrupted
        case .assistant(let error):
            return error.code == .configuration ? usage : error.code == .history ? historyError : databaseError
        }
    }
}

/// A failure before any turn (bad flags, a missing database): printed as one line, then exit.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32

    init(_ message: String, exitCode: Int32 = ExitStatus.usage) {
        self.message = message
        self.exitCode = exitCode
    }
}
