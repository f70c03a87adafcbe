import Basics
import Databases
import History
import LLM
import Render

/// Why a turn did not produce an answer.
public enum TurnFailure: Error, Sendable {
    case endpoint(LLMError)
    /// The model answered without a query; its words are kept.
    case noSQL(reply: String)
    /// The model answered without a query but with figures of its own (`UnqueriedFigures`): asked again
    /// while calls remain, and an answer in words when none do.
    case unqueriedFigures(reply: String)
    /// The guard refused the SQL.
    case rejected(reason: String)
    /// A table or column the schema does not have: found before the query ran, so it never did.
    case unknownReference(ReferenceProblem)
    /// The model sent a query it had already sent in this turn; it was not run again. Holds how it failed.
    indirect case repeated(TurnFailure)
    case database(DatabaseError)
    case cancelled
    /// The user said no at the confirmation prompt: the SQL was not run. Never sent for repair.
    case declined
    case assistant(AssistantError)

    /// One line for the user.
    public var message: String {
        switch self {
        case .endpoint(let error): error.message
        case .noSQL(let reply):
            "the model answered without SQL (\"\(Self.firstLine(of: reply))\"): rephrase the question, "
                + "or see what it knows with `datachat schema`"
        case .unqueriedFigures(let reply):
            "the model stated figures without a query to get them from (\"\(Self.firstLine(of: reply))\")"
        case .rejected(let reason): "the SQL was refused: \(reason)"
        case .unknownReference(let problem): problem.message
        case .repeated(let earlier): "the model sent the same query again (not run): \(earlier.message)"
        case .database(let error): "the database reported an error: \(error.message)"
        case .cancelled: "cancelled"
        case .declined: "not run: declined at the confirmation prompt"
        case .assistant(let error): error.message
        }
    }

    /// The start of the model's words, for a one-line message.
    static func firstLine(of reply: String) -> String {
        let line = reply.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 160 ? String(line.prefix(159)) + "…" : line
    }

    /// What the history keeps as the attempt's error: nothing for an answer in words, which is no error.
    public var savedError: String? {
        if case .noSQL = self { return nil }
        return message
    }

    public var status: MessageStatus {
        switch self {
        case .endpoint, .database, .assistant, .unknownReference: .error
        case .repeated(let earlier): earlier.status
        case .noSQL, .unqueriedFigures: .noSQL
        case .rejected: .rejected
        case .cancelled, .declined: .cancelled
        }
    }
}

/// Milliseconds spent in each part of a turn: the model's and the database's time, never the person's.
public struct TurnTimings: Sendable, Hashable {
    public var firstToken: Double?
    public var model: Double = 0
    public var execution: Double = 0
    public var total: Double = 0
    /// Time the turn waited on the person: at the confirmation prompt, reading a result in the pager. Kept out
    /// of `execution` and `total`, which would otherwise say `8 rows in 8088 ms` for a query of a few.
    public var waiting: Double = 0

    /// Milliseconds from `start` until now that were the turn's own, the person's time taken out.
    public func elapsed(since start: ContinuousClock.Instant) -> Double {
        start.duration(to: .now).milliseconds - waiting
    }

    /// Runs `call`, which may wait on the person (a prompt, a pager), counting its time as `waiting`.
    public mutating func waitingOnThePerson<T>(_ call: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        defer { waiting += start.duration(to: .now).milliseconds }
        return try call()
    }
}

/// What one question came to.
public struct TurnOutcome: Sendable {
    public var sessionID: String
    public var question: String
    /// The question's row in the history, once saved; each attempt's save settles its status.
    public var questionID: String?
    /// The answer (shown already) could not be saved: the caller says so, and `-q` exits with its own code.
    public var historyFailure: AssistantError?
    /// The model's last answer, as it wrote it.
    public var reply: String?
    public var sql: String?
    public var columns: [Column] = []
    public var rowCount = 0
    public var truncated = false
    public var failure: TurnFailure?
    /// How many attempts the turn made: the model's answers, and the mechanical fixes between them.
    public var attempts = 0
    public var usage = TokenUsage(promptTokens: 0, completionTokens: 0, isEstimate: false)
    public var timings = TurnTimings()

    public var status: MessageStatus { failure?.status ?? .ok }

    /// The model answered in words only (a clarifying question, "the data cannot say"): the words are the
    /// answer, shown as such and never as an error, though there is no result.
    public var isAnswerInWords: Bool {
        if case .noSQL = failure { return true }
        return false
    }
}

/// The user's answer at the confirmation prompt (`--confirm`, `\confirm on`).
public enum SQLApproval: Sendable, Equatable {
    /// Run this SQL: the model's as shown, or the user's edit of it (checked by the guard again).
    case run(String)
    /// Do not run it; the turn ends and is saved as declined.
    case skip
}

/// Told of a turn's progress, so a terminal can show it as it happens.
///
/// Rows come one at a time, so a long result never has to sit in memory.
public protocol TurnObserver: AnyObject {
    /// The model was asked (attempt 1, or a repair).
    func modelCalled(attempt: Int)
    /// A piece of the model's answer as it streams in (the whole answer at once when not streaming).
    func modelText(_ delta: String, attempt: Int)
    /// The request failed in a way that may pass, and is about to be sent again. When
    /// `retry.discardsText`, the text given to `modelText` for this attempt is void: the answer starts over.
    func modelRetrying(_ retry: ChatRetry, attempt: Int)
    /// The model answered; `reply` is its whole text.
    func modelAnswered(_ reply: String, attempt: Int)
    /// This SQL passed the guard and is about to run (or would, with `execute` off).
    func sqlReady(_ sql: String, attempt: Int)
    /// Asked after `sqlReady`, when the SQL is about to run: the user may run it, edit it, or skip it.
    /// Called from the turn's own thread and waited for, so a terminal can prompt here.
    func approve(_ sql: String, attempt: Int) -> SQLApproval
    /// An attempt failed and the model is being asked to repair it.
    func repairing(after failure: TurnFailure, attempt: Int)
    /// A wrong name had one mechanical fix (`T2.country_code -> T1.country_code`); `sql` is the fixed
    /// query, about to be checked and run as attempt `attempt`, without asking the model.
    func fixedReferences(_ description: String, sql: String, attempt: Int)
    func resultStarted(columns: [Column])
    /// `text` is the row's text (`RowText`), made once for the history's hash and any streamed output.
    func resultRow(_ row: [DatabaseValue], text: borrowing RowText)
    func resultFinished(rowCount: Int, truncated: Bool)
    /// How long the observer's output has so far waited for its reader (`TextOutput.waitedOnReader`): read
    /// around the rows, so that a pager the person reads is not the query's time, without a clock read a row.
    /// No default, so that an observer that writes rows cannot forget it.
    var waitedOnReader: Duration { get }
}

extension TurnObserver {
    public func modelCalled(attempt: Int) {}
    public func modelText(_ delta: String, attempt: Int) {}
    public func modelRetrying(_ retry: ChatRetry, attempt: Int) {}
    public func modelAnswered(_ reply: String, attempt: Int) {}
    public func sqlReady(_ sql: String, attempt: Int) {}
    /// Runs everything unasked: confirmation is for those who turn it on.
    public func approve(_ sql: String, attempt: Int) -> SQLApproval { .run(sql) }
    public func repairing(after failure: TurnFailure, attempt: Int) {}
    public func fixedReferences(_ description: String, sql: String, attempt: Int) {}
    public func resultStarted(columns: [Column]) {}
    public func resultRow(_ row: [DatabaseValue], text: borrowing RowText) {}
    public func resultFinished(rowCount: Int, truncated: Bool) {}
}
