import Basics
import CSQLite
import SQLGuard

#if canImport(Glibc)
    import Glibc
#endif

/// The raw connection handle; `SQLiteDatabase` is its only owner.
typealias SQLiteConnection = OpaquePointer

/// A SQLite connection. Read-only connections are opened with SQLITE_OPEN_READONLY and `query_only`, so
/// the engine itself refuses writes whatever the SQL says.
///
/// https://www.sqlite.org/c3ref/open.html
public final class SQLiteDatabase: Database {
    public let dialect = SQLDialect.sqlite
    public let location: DatabaseLocation
    public let access: AccessMode
    let handle: SQLiteConnection
    /// Present on read-only connections: the engine-level allowlist (see `SQLiteAuthorizer`).
    private let authorizer: SQLiteAuthorizer?

    public init(path: String, access: AccessMode) throws {
        location = DatabaseLocation(sqlitePath: path)
        self.access = access
        if access == .readOnly {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw DatabaseError(
                    .cannotOpen, "no SQLite database at \(path): check --database-url or DATABASE_URL")
            }
        }
        var connection: SQLiteConnection?
        let flags =
            access == .readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard let connection else {
            throw DatabaseError(.cannotOpen, "cannot open \(path): out of memory")
        }
        guard code == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_close_v2(connection)
            throw DatabaseError(.cannotOpen, "cannot open \(path): \(message)", engineCode: String(code))
        }
        handle = connection
        authorizer = access == .readOnly ? SQLiteAuthorizer() : nil
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, 5_000)
        var ignored: Int32 = 0
        _ = dc_sqlite3_db_config_int(handle, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &ignored)
        if access == .readOnly {
            _ = dc_sqlite3_db_config_int(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, &ignored)
            try execute("PRAGMA query_only = ON")
            authorizer?.install(on: handle)
        } else {
            try execute("PRAGMA foreign_keys = ON")
            registerSearchRank()
        }
        // A file that is not a database only shows itself on first read.
        _ = try fetchAll("SELECT count(*) FROM sqlite_schema")
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Keeps this connection, when it closes, from deleting the `-wal` and `-shm` files by their names:
    /// for a connection whose file was deleted or replaced under it, those names may already belong to
    /// the new file's own log.
    ///
    /// https://www.sqlite.org/c3ref/c_fcntl_begin_atomic_write.html#sqlitefcntlpersistwal
    public func keepLogFilesOnClose() {
        var persist: Int32 = 1
        _ = sqlite3_file_control(handle, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
    }

    /// The last error of this connection as a user-facing value.
    func error(_ code: Int32, sql: String?) -> DatabaseError {
        let message = String(cString: sqlite3_errmsg(handle))
        let primary = code & 0xFF
        let kind: DatabaseError.Code
        switch primary {
        case SQLITE_READONLY: kind = .readOnly
        case SQLITE_AUTH:
            let reason = authorizer?.lastDenial ?? "the statement is not allowed on a read-only connection"
            return DatabaseError(.readOnly, reason, sql: sql, engineCode: String(code))
        case _ where authorizer?.lastDenial != nil:
            // A denied function fails with SQLITE_ERROR, not SQLITE_AUTH; the authorizer knows why.
            return DatabaseError(.readOnly, authorizer?.lastDenial ?? message, sql: sql, engineCode: String(code))
        case SQLITE_INTERRUPT: kind = .cancelled
        case SQLITE_NOTADB, SQLITE_CANTOPEN: kind = .cannotOpen
        default: kind = .statementFailed
        }
        return DatabaseError(kind, message, sql: sql, engineCode: String(code))
    }

    public func execute(_ sql: String, parameters: [DatabaseValue]) throws {
        authorizer?.reset()
        if parameters.isEmpty {
            var message: UnsafeMutablePointer<CChar>?
            let code = sqlite3_exec(handle, sql, nil, nil, &message)
            if code != SQLITE_OK {
                let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
                sqlite3_free(message)
                var failure = error(code, sql: sql)
                if failure.code != .readOnly { failure.message = text }
                throw failure
            }
            return
        }
        let statement = try SQLiteStatement(self, sql)
        try statement.bind(parameters)
        while try statement.step() {}
    }

    @discardableResult
    public func query(
        _ sql: String, parameters: [DatabaseValue], limits: QueryLimits,
        columns: ([Column]) throws -> Void, row: ([DatabaseValue]) throws -> Bool
    ) throws -> QueryStats {
        let clock = ContinuousClock()
        let start = clock.now
        let watchdog = SQLiteWatchdog(limits: limits)
        watchdog.install(on: handle)
        defer { watchdog.remove(from: handle) }
        authorizer?.reset()

        let statement: SQLiteStatement
        do {
            statement = try SQLiteStatement(self, sql)
        } catch let failure as DatabaseError {
            throw watchdog.explain(failure)
        }
        if access == .readOnly, !statement.isReadOnly {
            throw DatabaseError(.readOnly, "the statement would write, and this connection only reads", sql: sql)
        }
        try statement.bind(parameters)
        try columns(statement.columns)
        var count = 0
        var bytes = 0
        var truncated = false
        // One array for every row: a row callback that keeps its rows (`fetchAll`) copies it, one that only reads
        // them (streamed output) costs no allocation a row.
        var values = [DatabaseValue](repeating: .null, count: Int(statement.columnCount))
        do {
            while try statement.step() {
                if let maxRows = limits.maxRows, count >= maxRows {
                    truncated = true
                    break
                }
                statement.readRow(into: &values, byteCount: &bytes)
                if let maxBytes = limits.maxBytes {
                    if bytes > maxBytes {
                        throw DatabaseError.resultTooLarge(maxBytes: maxBytes, sql: sql)
                    }
                }
                count += 1
                if try !row(values) { break }
            }
        } catch let failure as DatabaseError {
            throw watchdog.explain(failure)
        }
        let elapsed = start.duration(to: clock.now)
        return QueryStats(rowCount: count, truncated: truncated, elapsedSeconds: elapsed.seconds)
    }

    public func insertRows(into table: String, columns: [String], rows: [[DatabaseValue]]) throws {
        let names = columns.map(quoteIdentifier).joined(separator: ", ")
        let placeholders = (1...columns.count).map { "?\($0)" }.joined(separator: ", ")
        let statement = try SQLiteStatement(
            self, "INSERT INTO \(quoteIdentifier(table)) (\(names)) VALUES (\(placeholders))")
        for values in rows {
            try statement.bind(values)
            while try statement.step() {}
            statement.reset()
        }
    }
}

/// Quotes an identifier for SQLite and PostgreSQL alike.
func quoteIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
