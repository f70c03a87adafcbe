import Basics
import CPQ
import SQLGuard

/// Bulk reads: a query's rows through `COPY (query) TO STDOUT` rather than single-row mode.
///
/// libpq 15 streams a statement's own rows only in single-row mode, which makes a `PGresult` of every row (its
/// column descriptions copied, allocated and freed): a third of datachat's instructions on a million-row CSV,
/// and the reason it trailed psql. COPY sends the same values, written by the same output functions, as lines
/// of text that libpq hands over one buffer a row; the server streams them without waiting for the client (a
/// cursor's FETCHes make the two take turns, measured slower: docs/BENCHMARKS.md), and the planner may run the
/// query in parallel as it would alone (a cursor never does).
///
/// https://www.postgresql.org/docs/15/sql-copy.html
extension PostgresDatabase {
    /// Whether `sql` is read through COPY: a query (SELECT, VALUES, TABLE, WITH ... SELECT) with no
    /// semicolon, no unterminated string or comment and balanced parentheses. A statement that names a write
    /// (a data-modifying WITH, SELECT ... INTO, FOR UPDATE / SHARE) runs as it is, so that the server refuses
    /// it as a write in the read-only transaction, not as something COPY cannot hold.
    ///
    /// The statement goes inside `COPY (` ... `)`, so nothing in it may close that parenthesis: this check is
    /// the first guard, and the server's own parse of the statement alone (`prepareAndDescribe`, before the COPY is
    /// sent) the second: a statement that parses alone is balanced by PostgreSQL's own lexer.
    static func readsThroughCopy(_ sql: String) -> Bool {
        var depth = 0
        var first: String?
        for token in SQLTokenizer(dialect: .postgres).tokenize(sql) {
            switch token.kind {
            case .whitespace, .comment: continue
            case .semicolon, .unterminated, .parameter: return false
            case .symbol where token.text == "(": depth += 1
            case .symbol where token.text == ")":
                depth -= 1
                if depth < 0 { return false }
            case .word:
                let word = token.text.uppercased()
                if first == nil { first = word }
                if copyRefusedWords.contains(word) { return false }
            default: break
            }
            if first == nil, token.kind != .symbol || token.text != "(" { return false }
        }
        return depth == 0 && first.map(copyQueryWords.contains) == true
    }

    private static let copyQueryWords: Set<String> = ["SELECT", "WITH", "VALUES", "TABLE"]
    private static let copyRefusedWords: Set<String> = ["INSERT", "UPDATE", "DELETE", "MERGE", "INTO", "SHARE"]

    /// Reads a checked query's rows through `COPY (query) TO STDOUT`, as `stream` would hand them over: the
    /// same columns (from the statement's description), the same values, the same caps. `prelude` (the
    /// read-only transaction's BEGIN and limits) goes in the description's round trip, so a small result costs
    /// no more round trips than single-row mode: prelude and description, COPY, ROLLBACK.
    func streamThroughCopy(
        on connection: PostgresConnection, _ sql: String, after prelude: [String], watch initial: PostgresWatch,
        maxRows: Int?, maxBytes: Int?, columns: ([Column]) throws -> Void, row: ([DatabaseValue]) throws -> Bool
    ) throws -> (count: Int, truncated: Bool) {
        var watch = initial
        let description = describedColumns(try connection.prepareAndDescribe(sql, after: prelude, &watch))
        let decodings = description.decodings
        // The newline ends a trailing `--` comment before the parenthesis.
        try connection.send("COPY (\n" + sql + "\n) TO STDOUT", parameters: [])
        var failure: Error?
        var stopped = false
        var rows = PostgresRowCount(maxRows: maxRows, maxBytes: maxBytes)
        var values = [DatabaseValue](repeating: .null, count: decodings.count)
        var unescaped = ByteBuffer()
        func stop(_ error: Error? = nil) {
            if failure == nil { failure = error }
            stopped = true
            watch.stop(connection)
        }
        // The columns are told with the first row or at the end, as in single-row mode: until then a
        // connection lost can still be retried (`query`), nothing having been handed over.
        var described = false
        func tellColumns() {
            guard !described else { return }
            described = true
            do {
                try columns(description.columns)
            } catch {
                stop(error)
            }
        }
        /// Decodes one COPY line into `values`; its values' bytes, or nil when it does not hold a value a column.
        func decode(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
            var rowBytes = 0
            var start = 0
            for (column, decoding) in decodings.enumerated() {
                guard start <= line.count else { return nil }
                var end = start
                var escaped = false
                while end < line.count, line[end] != UInt8(ascii: "\t") {
                    if line[end] == UInt8(ascii: "\\") { escaped = true }
                    end += 1
                }
                let field = UnsafeBufferPointer(rebasing: line[start..<end])
                start = end + 1
                if !escaped {
                    rowBytes += field.count
                    values[column] = types.decode(field, as: decoding)
                } else if field.count == 2, field[1] == UInt8(ascii: "N") {
                    values[column] = .null
                } else {
                    unescaped.removeAll()
                    CopyText.appendUnescaped(field, to: &unescaped)
                    rowBytes += unescaped.count
                    values[column] = unescaped.withBytes { types.decode($0, as: decoding) }
                }
            }
            return start == line.count + 1 || decodings.isEmpty ? rowBytes : nil
        }
        while let result = try connection.nextResult(&watch, sql: sql) {
            if result.status == PGRES_COPY_OUT {
                while let line = try connection.nextCopyRow(&watch, sql: sql) {
                    if !stopped { tellColumns() }
                    if stopped { continue }
                    if !rows.hasRoom() {
                        stop()
                        continue
                    }
                    guard let rowBytes = decode(line.bytes) else {
                        stop(DatabaseError(.statementFailed, "the database sent a row datachat cannot read", sql: sql))
                        continue
                    }
                    do {
                        if try !rows.deliver(values, rowBytes: rowBytes, sql: sql, to: row) { stop() }
                    } catch {
                        stop(error)
                    }
                }
            } else if result.status == PGRES_COMMAND_OK {
                // No rows: told only when there are columns, as single-row mode tells them.
                if !stopped, !description.columns.isEmpty { tellColumns() }
            } else if !stopped, failure == nil,
                let error = PostgresErrors.error(from: result, watch: watch, connection: connection, sql: sql)
            {
                failure = error
            }
        }
        if let reason = watch.stoppedFor {
            throw DatabaseError.stopped(reason, timeoutSeconds: watch.timeoutSeconds, sql: sql)
        }
        if let failure { throw failure }
        return (rows.count, rows.truncated)
    }
}
