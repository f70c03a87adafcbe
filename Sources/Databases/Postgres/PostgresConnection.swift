import Basics
import CPQ

#if canImport(Glibc)
    import Glibc
#endif

/// One `PGconn`; finished by its only owner in `deinit`, even after a failed connect.
///
/// The connection stays in libpq's blocking mode for sending (queries and parameters are small), but
/// results are read with `PQconsumeInput` / `PQisBusy` and `poll()` on the socket, so a wait can notice
/// a deadline or a Ctrl-C and send a cancel request.
///
/// https://www.postgresql.org/docs/15/libpq-async.html
final class PostgresConnection {
    let handle: OpaquePointer
    /// True when the last statement left a transaction open: a connection lost then must not be
    /// replaced silently, or later statements would run outside the transaction.
    var isInTransaction = false

    /// Connects to `conninfo` (a URL or keyword string, expanded by libpq), waiting at most the
    /// conninfo's `connect_timeout` (or PGCONNECT_TIMEOUT), else 15 seconds.
    ///
    /// https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-PQCONNECTSTARTPARAMS
    init(conninfo: String, redacted: String) throws(DatabaseError) {
        // Keywords before `dbname` are defaults the conninfo may override; those after it always win.
        let parameters: [(String, String)] = [
            ("fallback_application_name", "datachat"),
            ("keepalives_idle", "60"), ("keepalives_interval", "10"), ("keepalives_count", "3"),
            ("dbname", conninfo),
            ("client_encoding", "UTF8"),
        ]
        let keywords = parameters.map { strdup($0.0) }
        let values = parameters.map { strdup($0.1) }
        defer {
            for keyword in keywords { free(keyword) }
            for value in values { free(value) }
        }
        let started = (keywords.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { keywordList in
            (values.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { valueList in
                PQconnectStartParams(keywordList.baseAddress, valueList.baseAddress, 1)
            }
        }
        guard let started else {
            throw DatabaseError(.cannotOpen, "cannot connect to \(redacted): out of memory")
        }
        handle = started
        // libpq prints the server's NOTICE and WARNING messages to standard error by default ("NOTICE: relation
        // ... already exists, skipping" on concurrent first starts, "WARNING: terminating connection" on a
        // shutdown), past datachat's one-line messages. None changes what datachat does or says: what
        // matters arrives as an error too. So they are dropped here.
        // https://www.postgresql.org/docs/15/libpq-notice-processing.html
        PQsetNoticeReceiver(handle, { _, _ in }, nil)
        if PQstatus(handle) == CONNECTION_BAD {
            // Nothing was sent yet: the conninfo itself is malformed.
            let message =
                "the PostgreSQL connection string \(redacted) is not valid (\(Self.oneLine(Self.errorText(handle)))): use "
                + "postgresql://user@host:5432/dbname or host=... dbname=..."
            throw DatabaseError(.invalidLocation, PostgresSecrets.scrub(message, conninfo: conninfo))
        }
        let seconds = Self.connectTimeout(handle) ?? 15
        let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
        var state = PGRES_POLLING_WRITING
        while state != PGRES_POLLING_OK {
            if state == PGRES_POLLING_FAILED {
                let message = "cannot connect to \(redacted): \(Self.oneLine(Self.errorText(handle)))"
                throw DatabaseError(.cannotOpen, PostgresSecrets.scrub(message, conninfo: conninfo))
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                throw DatabaseError(
                    .cannotOpen,
                    "cannot connect to \(redacted): no answer within \(seconds) s (check the host, port and firewall, "
                        + "or set connect_timeout)")
            }
            var descriptor = pollfd(
                fd: PQsocket(handle), events: Int16(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), revents: 0)
            let milliseconds = Int32(min(remaining.milliseconds.rounded(.down), 1_000))
            if poll(&descriptor, 1, max(milliseconds, 1)) == 0 { continue }
            state = PQconnectPoll(handle)
        }
    }

    deinit {
        PQfinish(handle)
    }

    static func errorText(_ handle: OpaquePointer) -> String {
        PQerrorMessage(handle).map { String(cString: $0) } ?? "unknown error"
    }

    var errorMessage: String { Self.oneLine(Self.errorText(handle)) }

    /// libpq's messages span lines ("...failed: FATAL:  password..."); the user gets one.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The connect timeout libpq resolved from the conninfo or PGCONNECT_TIMEOUT, if any.
    private static func connectTimeout(_ handle: OpaquePointer) -> Int? {
        guard let options = PQconninfo(handle) else { return nil }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "connect_timeout", let value = option.pointee.val {
                return Int(String(cString: value)).flatMap { $0 > 0 ? max($0, 2) : nil }
            }
            option += 1
        }
        return nil
    }

    /// False when the server has closed the connection while it sat idle (a restart, an administrator's
    /// pg_terminate_backend, an idle timeout): found before anything is sent, so nothing is lost by
    /// connecting again.
    func isAlive() -> Bool {
        guard PQstatus(handle) == CONNECTION_OK else { return false }
        for _ in 0..<4 {
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { return true }
            if PQconsumeInput(handle) == 0 || PQstatus(handle) != CONNECTION_OK { return false }
        }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Asks the server to stop the running statement, through a separate cancel connection.
    ///
    /// https://www.postgresql.org/docs/15/libpq-cancel.html
    func requestCancel() {
        guard let cancel = PQgetCancel(handle) else { return }
        defer { PQfreeCancel(cancel) }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &buffer, Int32(buffer.count))
    }

    /// Sends one statement with `$1`-style parameters, by the extended protocol (so never two statements).
    func send(_ sql: String, parameters: [DatabaseValue]) throws(DatabaseError) {
        let encoded = parameters.map(PostgresParameter.init)
        let values: [UnsafePointer<CChar>?] = encoded.map { $0.pointer.map { UnsafePointer($0) } }
        let lengths = encoded.map(\.length)
        let formats = encoded.map(\.format)
        let types = encoded.map(\.type)
        defer { for parameter in encoded { parameter.free() } }
        let sent = PQsendQueryParams(handle, sql, Int32(encoded.count), types, values, lengths, formats, 0)
        guard sent == 1 else { throw lostOrFailed(sql: sql) }
    }

    /// Sends one or more statements by the simple protocol: only for SQL datachat writes itself, or the
    /// read-write store's DDL.
    func sendSimple(_ sql: String) throws(DatabaseError) {
        guard PQsendQuery(handle, sql) == 1 else { throw lostOrFailed(sql: sql) }
    }

    /// The error of a failed send or read: a lost connection, or libpq's own complaint.
    func lostOrFailed(sql: String?) -> DatabaseError {
        if PQstatus(handle) != CONNECTION_OK {
            return PostgresErrors.connectionLost(reason: errorMessage, sql: sql)
        }
        return DatabaseError(.statementFailed, errorMessage, sql: sql)
    }

    /// Waits for the next result of the statement in flight; nil when it has no more.
    func nextResult(_ watch: inout PostgresWatch, sql: String?) throws(DatabaseError) -> PostgresResult? {
        watch.tick(self)
        while PQisBusy(handle) != 0 { try awaitInput(&watch, sql: sql) }
        guard let result = PQgetResult(handle) else {
            isInTransaction = [PQTRANS_INTRANS, PQTRANS_INERROR].contains(PQtransactionStatus(handle))
            return nil
        }
        return PostgresResult(result)
    }

    /// Waits a slice for the server to send more, reads what came, and lets the watch cancel meanwhile.
    private func awaitInput(_ watch: inout PostgresWatch, sql: String?) throws(DatabaseError) {
        watch.check(self)
        if watch.hasGivenUp {
            throw DatabaseError(
                .connectionLost, "the database did not answer a cancel request: the next question reconnects",
                sql: sql)
        }
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, watch.sliceMilliseconds)
        if ready < 0, errno != EINTR { throw lostOrFailed(sql: sql) }
        if ready > 0, PQconsumeInput(handle) == 0 { throw lostOrFailed(sql: sql) }
    }

    /// Parses `sql` alone as the unnamed prepared statement and describes the rows it returns, without running
    /// it; `statements` (SQL datachat wrote, without parameters) run first. All in one round trip (pipeline
    /// mode: each statement, Parse, Describe, Sync). The result holds the columns; a statement that does not
    /// parse or names no real table or column throws the error running it would.
    ///
    /// https://www.postgresql.org/docs/15/libpq-pipeline-mode.html
    func prepareAndDescribe(
        _ sql: String, after statements: [String], _ watch: inout PostgresWatch
    ) throws(DatabaseError) -> PostgresResult {
        guard PQenterPipelineMode(handle) == 1 else { throw lostOrFailed(sql: sql) }
        let sent =
            statements.allSatisfy { PQsendQueryParams(handle, $0, 0, nil, nil, nil, nil, 0) == 1 }
            && PQsendPrepare(handle, "", sql, 0, nil) == 1 && PQsendDescribePrepared(handle, "") == 1
            && PQpipelineSync(handle) == 1
        guard sent else {
            let error = lostOrFailed(sql: sql)
            _ = PQexitPipelineMode(handle)
            throw error
        }
        var answers: [PostgresResult] = []
        var failure: DatabaseError?
        // Each command's results end with a NULL; the Sync's result ends the pipeline.
        var nulls = 0
        while nulls <= statements.count + 2 {
            guard let result = try nextResult(&watch, sql: sql) else {
                nulls += 1
                continue
            }
            if result.status == PGRES_PIPELINE_SYNC { break }
            if failure == nil {
                failure = PostgresErrors.error(from: result, watch: watch, connection: self, sql: sql)
            }
            answers.append(result)
        }
        guard PQexitPipelineMode(handle) == 1 else { throw lostOrFailed(sql: sql) }
        if let failure { throw failure }
        guard answers.count == statements.count + 2, let description = answers.last,
            description.status == PGRES_COMMAND_OK
        else {
            throw DatabaseError(.statementFailed, "the database did not describe the statement", sql: sql)
        }
        return description
    }

    /// The next row of the `COPY ... TO STDOUT` in flight, or nil after its last (the statement's own result
    /// then follows from `nextResult`).
    func nextCopyRow(_ watch: inout PostgresWatch, sql: String?) throws(DatabaseError) -> PostgresCopyRow? {
        watch.tick(self)
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(handle, &buffer, 1)
            if length > 0, let buffer { return PostgresCopyRow(buffer, length: Int(length)) }
            if length == -1 { return nil }
            if length < -1 { throw lostOrFailed(sql: sql) }
            try awaitInput(&watch, sql: sql)
        }
    }

    /// Runs SQL we wrote ourselves (no parameters, possibly several statements) and reads it to the end.
    func run(_ sql: String, _ watch: inout PostgresWatch) throws(DatabaseError) {
        try sendSimple(sql)
        var failure: DatabaseError?
        while let result = try nextResult(&watch, sql: sql) {
            if failure == nil, let error = PostgresErrors.error(from: result, watch: watch, connection: self, sql: sql)
            {
                failure = error
            }
        }
        if let failure { throw failure }
    }
}
