import Assistant
import Basics
import Databases
import History

/// One turn as a transcript shows it: the question, the model's words, the SQL, a result table, how it
/// ended and how long it took. Built from the store alone (`sessions show`, `export`) or with a fresh run
/// (`replay`, `export --rerun`).
public struct TranscriptTurn: Sendable {
    public enum ResultSource: String, Sendable {
        /// The first rows the store kept when the turn ran.
        case savedPreview = "saved preview"
        /// Rows fetched again just now.
        case fresh
    }

    public var number: Int
    public var question: String
    /// The model's words in its final answer, its SQL block taken out; empty for `\sql` and fixes.
    public var words: String
    public var sql: String?
    /// `ok`, `error`, `rejected`, `no_sql`... as saved, or `refused`/`error` from the fresh run.
    public var status: String
    public var error: String?
    public var result: QueryResult?
    /// Rows the query returned (more than `result` holds when the preview was cut).
    public var rowCount: Int?
    public var resultSource: ResultSource
    public var attempts: Int
    public var model: String?
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var firstTokenMilliseconds: Double?
    public var modelMilliseconds: Double?
    public var executionMilliseconds: Double?
    public var totalMilliseconds: Double?
    public var confirmed: Bool
    public var check: TurnCheck?

    /// A turn as the store kept it.
    public init(saved turn: SavedTurn, confirmed: Set<String> = []) {
        let answer = turn.answer
        number = turn.number
        question = turn.question.content
        words = answer.map { ProseFilter.prose(of: $0.content) } ?? ""
        sql = turn.sql
        status = (answer?.status ?? turn.question.status).rawValue
        error = answer?.error
        let preview = answer.flatMap(SavedPreview.init)
        result = preview?.result
        rowCount = answer?.rowCount
        resultSource = .savedPreview
        attempts = turn.attempts.count
        // Tokens and model time are per request: the turn's are the sum of its attempts'.
        let models = turn.attempts.compactMap(\.model)
        model = models.last
        promptTokens = Self.sum(turn.attempts.map(\.promptTokens))
        completionTokens = Self.sum(turn.attempts.map(\.completionTokens))
        firstTokenMilliseconds = turn.attempts.first?.firstTokenMilliseconds
        modelMilliseconds = Self.sum(turn.attempts.map(\.modelMilliseconds))
        executionMilliseconds = Self.sum(turn.attempts.map(\.executionMilliseconds))
        totalMilliseconds = answer?.totalMilliseconds
        self.confirmed = answer.map { confirmed.contains($0.id) } ?? false
    }

    /// A turn with today's result in place of the saved one; `check` when the run was compared.
    public init(replayed turn: ReplayedTurn, check: TurnCheck? = nil) {
        self.init(saved: turn.saved)
        self.check = check
        resultSource = .fresh
        // Only the query ran again: the model's times and the turn's total belong to the saved run.
        firstTokenMilliseconds = nil
        modelMilliseconds = nil
        totalMilliseconds = nil
        switch turn.run {
        case .ran(let fresh):
            status = "ok"
            error = nil
            result = fresh.result
            rowCount = fresh.rowCount
            executionMilliseconds = fresh.executionMilliseconds
        case .refused, .failed:
            status = { if case .refused = turn.run { "refused" } else { "error" } }()
            error = turn.run.failureMessage
            result = nil
            rowCount = nil
            executionMilliseconds = nil
        case .nothingToRun:
            result = nil
        }
    }

    static func sum<T: AdditiveArithmetic>(_ values: [T?]) -> T? {
        let present = values.compactMap { $0 }
        return present.isEmpty ? nil : present.reduce(.zero, +)
    }

    /// `412 ms (model 380 ms, query 12 ms)`, or nil when nothing was timed.
    public var timingText: String? {
        var parts: [String] = []
        if let first = firstTokenMilliseconds { parts.append("first token \(Self.milliseconds(first))") }
        if let model = modelMilliseconds { parts.append("model \(Self.milliseconds(model))") }
        if let query = executionMilliseconds { parts.append("query \(Self.milliseconds(query))") }
        guard let total = totalMilliseconds, resultSource == .savedPreview else {
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
        return parts.isEmpty
            ? Self.milliseconds(total) : "\(Self.milliseconds(total)) (\(parts.joined(separator: ", ")))"
    }

    static func milliseconds(_ value: Double) -> String {
        value < 10 ? "\((value * 10).rounded() / 10) ms" : "\(Int(value.rounded())) ms"
    }

    /// `5 rows`, `first 20 of 120 rows`, with where they come from.
    public var rowsText: String? {
        guard let rowCount, let result else { return nil }
        let shown =
            result.rows.count < rowCount
            ? "first \(result.rows.count) of \(rowCount.counted("row"))" : rowCount.counted("row")
        return resultSource == .savedPreview ? "\(shown), from the saved preview" : shown
    }
}
