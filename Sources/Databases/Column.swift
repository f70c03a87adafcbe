/// A result column: its name and the type the engine declared for it, when it knows one.
public struct Column: Sendable, Hashable {
    public var name: String
    /// The declared type (`INTEGER`, `numeric`, `timestamptz`, ...), or "" for an expression without one.
    public var typeName: String

    public init(name: String, typeName: String = "") {
        self.name = name
        self.typeName = typeName
    }
}

/// A whole result held in memory: what a table render or the history's preview needs.
public struct QueryResult: Sendable, Hashable {
    public var columns: [Column]
    public var rows: [[DatabaseValue]]
    /// True when the row cap stopped the fetch before the last row.
    public var truncated: Bool

    public init(columns: [Column], rows: [[DatabaseValue]], truncated: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.truncated = truncated
    }
}

/// What a streamed query reports when it ends.
public struct QueryStats: Sendable, Hashable {
    public var rowCount: Int
    public var truncated: Bool
    public var elapsedSeconds: Double

    public init(rowCount: Int, truncated: Bool, elapsedSeconds: Double) {
        self.rowCount = rowCount
        self.truncated = truncated
        self.elapsedSeconds = elapsedSeconds
    }
}
