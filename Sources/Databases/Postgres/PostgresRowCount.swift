/// The rows one statement has handed over, against the row and byte caps: what single-row mode's loop and
/// COPY's both keep (`PostgresDatabase.stream`, `streamThroughCopy`).
struct PostgresRowCount {
    let maxRows: Int?
    let maxBytes: Int?
    private(set) var count = 0
    private(set) var bytes = 0
    /// Set when the row cap stopped the rows before the statement's end.
    private(set) var truncated = false

    init(maxRows: Int?, maxBytes: Int?) {
        self.maxRows = maxRows
        self.maxBytes = maxBytes
    }

    /// Whether the row cap leaves room for one more row; when not, the result is cut.
    mutating func hasRoom() -> Bool {
        if let maxRows, count >= maxRows {
            truncated = true
            return false
        }
        return true
    }

    /// Counts a row whose values hold `rowBytes` bytes (a value counts 8 more, as SQLite's count does) and
    /// hands it to `row`: false when the caller stopped reading. Throws the byte cap's error when the rows so
    /// far pass it (the row is then neither counted nor handed over), or the caller's.
    mutating func deliver(
        _ values: [DatabaseValue], rowBytes: Int, sql: String, to row: ([DatabaseValue]) throws -> Bool
    ) throws -> Bool {
        if let maxBytes {
            bytes += rowBytes + 8 * values.count
            if bytes > maxBytes { throw DatabaseError.resultTooLarge(maxBytes: maxBytes, sql: sql) }
        }
        count += 1
        return try row(values)
    }
}
