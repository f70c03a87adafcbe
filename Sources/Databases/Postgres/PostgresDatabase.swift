import Basics
import CPQ
import SQLGuard

/// A PostgreSQL connection through libpq, for analysed data (`.readOnly`) or the history store
/// (`.readWrite`).
///
/// Read-only is enforced by the server, not trusted to the SQL: the session defaults to read-only
/// transactions, and every statement runs alone (extended protocol, so never two) inside
/// `BEGIN READ ONLY` with `statement_timeout`, `lock_timeout` and `idle_in_transaction_session_timeout`
/// set for it, then is rolled back. Rows stream, so memory stays flat however many arrive and the row cap
/// cancels the rest: a query's through `COPY (query) TO STDOUT` (`PostgresDatabase+CopyOut`), anything
/// else's in single-row mode.
///
/// A connection found closed before a statement is sent is replaced at once; a read that fails because
/// the connection dropped, before any row was handed over, is retried once on a new connection.
///
/// https://www.postgresql.org/docs/15/libpq.html
public final class PostgresDatabase: Database {
    public let dialect = SQLDialect.postgres
    public let location: DatabaseLocation
    public let access: AccessMode
    /// The schemas `schema()` describes; empty means the ones on the search path.
    public let schemas: [String]
    let conninfo: String
    private var connection: PostgresConnection?
    var types = PostgresTypes()
    /// Set when the connection dropped inside a transaction: the statements until its end must fail too.
    private var lostInsideTransaction = false

    /// Seconds a read-only transaction may sit idle before the server ends it (a client that vanished).
    static let idleTransactionSeconds = 60.0

    public init(location: DatabaseLocation, access: AccessMode, schemas: [String] = []) throws {
        guard case .postgres(let conninfo) = location.engine else {
            throw DatabaseError(.invalidLocation, "\(location.redacted) is not a PostgreSQL location")
        }
        self.location = location
        self.access = access
        self.schemas = schemas
        self.conninfo = conninfo
        connection = try connect()
    }

    /// Opens a new connection and prepares its session.
    private func connect() throws -> PostgresConnection {
        let fresh = try PostgresConnection(conninfo: conninfo, redacted: location.redacted)
        if access == .readOnly {
            var watch = PostgresWatch.unlimited
            try fresh.run("SET default_transaction_read_only = on", &watch)
            try loadTypes(fresh)
        }
        return fresh
    }

    /// Reads the database's own types (enums, domains, arrays of them) so their values decode by kind.
    private func loadTypes(_ connection: PostgresConnection) throws {
        var rows: [[DatabaseValue]] = []
        _ = try stream(
            on: connection, PostgresTypes.catalogueQuery, parameters: [], watch: PostgresWatch.unlimited,
            maxRows: nil, maxBytes: nil, columns: { _ in },
            row: {
                rows.append($0)
                return true
            })
        types.load(rows)
    }

    /// The open connection, or a new one when the old one was closed while idle.
    func liveConnection() throws -> PostgresConnection {
        if let connection {
            if connection.isAlive() { return connection }
            self.connection = nil
            if connection.isInTransaction {
                lostInsideTransaction = true
                throw PostgresErrors.connectionLost(
                    reason: "in the middle of a transaction, which the server rolled back", sql: nil)
            }
        }
        let fresh = try connect()
        connection = fresh
        return fresh
    }

    /// Forgets the connection after a failure that leaves it unusable, so the next statement reconnects.
    func discard(_ failed: PostgresConnection, after error: DatabaseError) {
        guard error.code == .connectionLost || PQstatus(failed.handle) != CONNECTION_OK else { return }
        if failed.isInTransaction { lostInsideTransaction = true }
        if connection === failed { connection = nil }
    }

    /// `BEGIN READ ONLY` and the limits of one read, sent together in one round trip. The numbers are ours.
    private func readOnlyPrelude(_ limits: QueryLimits) -> [String] {
        var statements = ["BEGIN READ ONLY"]
        let timeout = limits.boundedTimeoutSeconds
        if let seconds = timeout {
            let milliseconds = max(1, Int((seconds * 1000).rounded()))
            // The lock limit a little shorter, so a query that only waited for a lock says so instead of
            // "ran longer than".
            let lock = max(1, milliseconds - min(250, milliseconds / 10))
            statements += ["SET LOCAL statement_timeout = \(milliseconds)", "SET LOCAL lock_timeout = \(lock)"]
        }
        let idle = Int(max(Self.idleTransactionSeconds, (timeout ?? 0) * 2) * 1000)
        return statements + ["SET LOCAL idle_in_transaction_session_timeout = \(idle)"]
    }

    // MARK: - Database

    @discardableResult
    public func query(
        _ sql: String, parameters: [DatabaseValue], limits: QueryLimits,
        columns: ([Column]) throws -> Void, row: ([DatabaseValue]) throws -> Bool
    ) throws -> QueryStats {
        var delivered = false
        do {
            return try runOnce(
                sql, parameters: parameters, limits: limits,
                columns: {
                    delivered = true
                    try columns($0)
                }, row: row)
        } catch let error as DatabaseError where error.code == .connectionLost && !delivered && access == .readOnly {
            return try runOnce(sql, parameters: parameters, limits: limits, columns: columns, row: row)
        }
    }

    public func execute(_ sql: String, parameters: [DatabaseValue]) throws {
        if lostInsideTransaction {
            // The server rolled the transaction back when the connection dropped: its ROLLBACK has nothing
            // left to do, and every other statement until then must fail rather than run outside it.
            let word = sql.trimmed().uppercased()
            if word == "ROLLBACK" || word == "COMMIT" || word == "END" { lostInsideTransaction = false }
            if word == "ROLLBACK" { return }
            throw PostgresErrors.connectionLost(
                reason: "in the middle of a transaction, which the server rolled back", sql: sql)
        }
        if access == .readOnly {
            try query(sql, parameters: parameters, limits: .none, columns: { _ in }, row: { _ in true })
            return
        }
        let connection = try liveConnection()
        var watch = PostgresWatch.unlimited
        do {
            if parameters.isEmpty {
                try connection.run(sql, &watch)
            } else {
                _ = try stream(
                    on: connection, sql, parameters: parameters, watch: watch, maxRows: nil, maxBytes: nil,
                    columns: { _ in }, row: { _ in true })
            }
        } catch let error as DatabaseError {
            discard(connection, after: error)
            throw error
        }
    }

    /// One attempt at a statement: inside a rolled-back read-only transaction for `.readOnly`.
    private func runOnce(
        _ sql: String, parameters: [DatabaseValue], limits: QueryLimits,
        columns: ([Column]) throws -> Void, row: ([DatabaseValue]) throws -> Bool
    ) throws -> QueryStats {
        let clock = ContinuousClock()
        let start = clock.now
        let connection = try liveConnection()
        var watch = PostgresWatch(limits: limits)
        do {
            if types.isStale, access == .readOnly { try loadTypes(connection) }
            let prelude = access == .readOnly ? readOnlyPrelude(limits) : []
            let copying = access == .readOnly && parameters.isEmpty && Self.readsThroughCopy(sql)
            if !prelude.isEmpty, !copying { try connection.run(prelude.joined(separator: "; "), &watch) }
            let (count, truncated) = try finishing(connection, readOnly: access == .readOnly) {
                if copying {
                    return try streamThroughCopy(
                        on: connection, sql, after: prelude, watch: watch, maxRows: limits.maxRows,
                        maxBytes: limits.maxBytes, columns: columns, row: row)
                }
                return try stream(
                    on: connection, sql, parameters: parameters, watch: watch, maxRows: limits.maxRows,
                    maxBytes: limits.maxBytes, columns: columns, row: row)
            }
            return QueryStats(
                rowCount: count, truncated: truncated, elapsedSeconds: start.duration(to: clock.now).seconds)
        } catch let error as DatabaseError {
            discard(connection, after: error)
            throw error
        }
    }

    /// Runs `body`, then rolls the read-only transaction back whether it succeeded or not.
    private func finishing<T>(_ connection: PostgresConnection, readOnly: Bool, _ body: () throws -> T) throws -> T {
        guard readOnly else { return try body() }
        let value: T
        do {
            value = try body()
        } catch {
            rollBack(connection)
            throw error
        }
        rollBack(connection)
        return value
    }

    private func rollBack(_ connection: PostgresConnection) {
        guard PQstatus(connection.handle) == CONNECTION_OK else { return }
        var watch = PostgresWatch(limits: QueryLimits(timeoutSeconds: 10))
        do {
            try connection.run("ROLLBACK", &watch)
        } catch {
            // A late cancel can land on the ROLLBACK itself; once more, then give the connection up.
            var again = PostgresWatch(limits: QueryLimits(timeoutSeconds: 10))
            if (try? connection.run("ROLLBACK", &again)) == nil, self.connection === connection {
                self.connection = nil
            }
        }
    }

    /// The columns a result (or a described statement) has, and how each one's values decode: looked up once
    /// rather than once a value. A type the catalogue read at connect did not have is read again next time.
    func describedColumns(_ result: PostgresResult) -> (columns: [Column], decodings: [PostgresDecoding]) {
        var columns: [Column] = []
        var decodings: [PostgresDecoding] = []
        for index in 0..<result.columnCount {
            let oid = result.columnType(index)
            let type = types.type(oid)
            if type == nil { types.isStale = true }
            decodings.append(type?.decoding ?? .text)
            columns.append(
                Column(
                    name: result.columnName(index),
                    typeName: types.columnTypeName(oid: oid, modifier: result.columnTypeModifier(index))))
        }
        return (columns, decodings)
    }

    /// Sends one statement and hands its rows over as they arrive, one `PGresult` a row: any statement,
    /// with parameters or not (a query without them streams faster through COPY).
    ///
    /// https://www.postgresql.org/docs/15/libpq-single-row-mode.html
    func stream(
        on connection: PostgresConnection, _ sql: String, parameters: [DatabaseValue], watch initial: PostgresWatch,
        maxRows: Int?, maxBytes: Int?, columns: ([Column]) throws -> Void, row: ([DatabaseValue]) throws -> Bool
    ) throws -> (count: Int, truncated: Bool) {
        var watch = initial
        try connection.send(sql, parameters: parameters)
        PQsetSingleRowMode(connection.handle)
        var failure: Error?
        var stopped = false
        var described = false
        /// Each column's decoding, looked up once rather than once a value.
        var decodings: [PostgresDecoding] = []
        var rows = PostgresRowCount(maxRows: maxRows, maxBytes: maxBytes)
        // One array for every row, each value written over the one before, as in SQLite's loop: no allocation a
        // row unless the callback keeps its rows.
        var values: [DatabaseValue] = []
        func stop(_ error: Error? = nil) {
            if failure == nil { failure = error }
            stopped = true
            watch.stop(connection)
        }
        func describe(_ result: PostgresResult) {
            described = true
            let description = describedColumns(result)
            decodings = description.decodings
            values = Array(repeating: .null, count: decodings.count)
            do {
                try columns(description.columns)
            } catch {
                stop(error)
            }
        }
        while let result = try connection.nextResult(&watch, sql: sql) {
            if stopped { continue }
            let status = result.status
            if status == PGRES_SINGLE_TUPLE {
                if !described { describe(result) }
                if stopped { continue }
                if !rows.hasRoom() {
                    stop()
                    continue
                }
                var rowBytes = 0
                for (index, decoding) in decodings.enumerated() {
                    let column = Int32(index)
                    if result.isNull(0, column) {
                        values[index] = .null
                    } else {
                        let text = result.bytes(0, column)
                        rowBytes += text.count
                        values[index] = types.decode(text, as: decoding)
                    }
                }
                do {
                    if try !rows.deliver(values, rowBytes: rowBytes, sql: sql, to: row) { stop() }
                } catch {
                    stop(error)
                }
            } else if status == PGRES_TUPLES_OK {
                if !described, result.columnCount > 0 { describe(result) }
            } else if status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY {
                continue
            } else if status == PGRES_COPY_IN {
                PQputCopyEnd(connection.handle, "datachat does not send COPY data here")
                stop(DatabaseError(.statementFailed, "COPY is not supported in a query", sql: sql))
            } else if status == PGRES_COPY_OUT {
                var buffer: UnsafeMutablePointer<CChar>?
                while PQgetCopyData(connection.handle, &buffer, 0) > 0 { PQfreemem(buffer) }
                stop(DatabaseError(.statementFailed, "COPY is not supported in a query", sql: sql))
            } else if let error = PostgresErrors.error(from: result, watch: watch, connection: connection, sql: sql) {
                if failure == nil { failure = error }
            }
        }
        if let reason = watch.stoppedFor {
            throw DatabaseError.stopped(reason, timeoutSeconds: watch.timeoutSeconds, sql: sql)
        }
        if let failure { throw failure }
        return (rows.count, rows.truncated)
    }
}
