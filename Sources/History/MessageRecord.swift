/// How a turn ended, as stored in `chat_messages.status`.
public enum MessageStatus: String, Sendable, Hashable, CaseIterable {
    /// The question, saved before the model is called; it has no outcome of its own.
    case pending
    case ok
    case rejected
    case error
    case cancelled
    case noSQL = "no_sql"
}

/// One message of a conversation: a row of `chat_messages`.
public struct MessageRecord: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable {
        case user
        case assistant
    }

    public var id: String
    public var sessionID: String
    /// The position in the session, from 1; assigned by the store.
    public var seq: Int
    public var role: Role
    public var content: String
    public var sql: String?
    public var status: MessageStatus
    public var error: String?
    /// The result's column names.
    public var columns: [String]?
    public var rowCount: Int?
    /// The hash of the result's rows in the order they came (FNV-1a over columns and rows).
    public var resultHash: String?
    /// The hash of the result's rows in any order, so a query without ORDER BY whose rows come back in another
    /// order still compares equal; nil on turns saved before it was recorded (store version 3).
    public var resultSetHash: String?
    /// The first rows of the result as rendered text, so replay and `sessions show` need no database.
    public var resultPreview: String?
    /// Which try at the SQL this is: 1, or more after a repair.
    public var attempt: Int
    /// The model that wrote this answer; nil when none was asked (`\sql`).
    public var model: String?
    /// The tokens of the one request that wrote this answer, not the turn's running total, so that a
    /// session's sum counts each request once; nil when no model answered.
    public var promptTokens: Int?
    public var completionTokens: Int?
    /// This attempt's wait for the first token and for the whole answer.
    public var firstTokenMilliseconds: Double?
    public var modelMilliseconds: Double?
    public var executionMilliseconds: Double?
    public var totalMilliseconds: Double?
    public var createdAt: String

    public init(
        id: String = "", sessionID: String, seq: Int = 0, role: Role, content: String, sql: String? = nil,
        status: MessageStatus, error: String? = nil, columns: [String]? = nil, rowCount: Int? = nil,
        resultHash: String? = nil, resultPreview: String? = nil, attempt: Int = 1, model: String? = nil,
        promptTokens: Int? = nil, completionTokens: Int? = nil, firstTokenMilliseconds: Double? = nil,
        modelMilliseconds: Double? = nil, executionMilliseconds: Double? = nil, totalMilliseconds: Double? = nil,
        createdAt: String = "", resultSetHash: String? = nil
    ) {
        self.id = id
        self.sessionID = sessionID
        self.seq = seq
        self.role = role
        self.content = content
        self.sql = sql
        self.status = status
        self.error = error
        self.columns = columns
        self.rowCount = rowCount
        self.resultHash = resultHash
        self.resultSetHash = resultSetHash
        self.resultPreview = resultPreview
        self.attempt = attempt
        self.model = model
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.firstTokenMilliseconds = firstTokenMilliseconds
        self.modelMilliseconds = modelMilliseconds
        self.executionMilliseconds = executionMilliseconds
        self.totalMilliseconds = totalMilliseconds
        self.createdAt = createdAt
    }
}
