/// How the assistant runs a turn; built once by the executable and passed in.
public struct AssistantConfiguration: Sendable {
    /// Rows fetched at most.
    public var maxRows: Int
    /// Seconds one statement may run.
    public var statementTimeout: Double
    /// Bytes of row data one result may hold.
    public var maxResultBytes: Int
    /// Times a rejected or failed SQL goes back to the model for a fix (mechanical fixes do not count).
    public var maxRepairs: Int
    /// The temperature of a fresh draw, once the model has repeated a failed query at temperature 0.
    public var drawTemperature = 0.7
    /// Earlier turns of the session sent along, so follow-up questions make sense.
    public var historyTurns: Int
    /// False for `--sql-only`: the SQL is checked but not run.
    public var execute: Bool
    /// Rows of each result kept in the history as a preview.
    public var previewRows: Int
    public var clientVersion: String
    public var userName: String
    /// What of the data may leave the machine (`--share`).
    public var share: SharingLevel = .default
    /// Tokens a request may take (`--budget`, `DATACHAT_CONTEXT_BUDGET`), on `TokenEstimate`'s count.
    public var contextBudget = 6_000
    /// Where the column statistics are cached between runs; nil: gathered afresh by every assistant.
    public var cacheDirectory: String?
    /// Seconds the first look at the data may take on a schema without cached statistics.
    public var statisticsSeconds = 5.0

    public init(
        maxRows: Int = 1_000, statementTimeout: Double = 30, maxResultBytes: Int = 256 << 20, maxRepairs: Int = 3,
        historyTurns: Int = 6, execute: Bool = true, previewRows: Int = 20, clientVersion: String, userName: String
    ) {
        self.maxRows = maxRows
        self.statementTimeout = statementTimeout
        self.maxResultBytes = maxResultBytes
        self.maxRepairs = maxRepairs
        self.historyTurns = historyTurns
        self.execute = execute
        self.previewRows = previewRows
        self.clientVersion = clientVersion
        self.userName = userName
    }
}
