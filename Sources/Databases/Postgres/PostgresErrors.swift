import CPQ

/// PostgreSQL's errors as `DatabaseError`s: the SQLSTATE decides the code, the server's primary message
/// and hint make the line a user (or the model, on repair) can act on.
///
/// https://www.postgresql.org/docs/15/errcodes-appendix.html
enum PostgresErrors {
    /// The error a result carries, or nil when it succeeded.
    static func error(
        from result: PostgresResult, watch: PostgresWatch, connection: PostgresConnection, sql: String?
    ) -> DatabaseError? {
        let status = result.status
        guard status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE || status == PGRES_NONFATAL_ERROR else {
            return nil
        }
        let state = result.errorField(DC_PG_DIAG_SQLSTATE) ?? ""
        var message = result.errorField(DC_PG_DIAG_MESSAGE_PRIMARY) ?? PostgresConnection.oneLine(result.errorMessage)
        if let hint = result.errorField(DC_PG_DIAG_MESSAGE_HINT), !hint.isEmpty { message += " (hint: \(hint))" }
        message = PostgresConnection.oneLine(message)
        if PQstatus(connection.handle) != CONNECTION_OK || state.hasPrefix("08")
            || ["57P01", "57P02", "57P03", "25P03"].contains(state)
        {
            return connectionLost(reason: message, sql: sql, engineCode: state)
        }
        switch state {
        case "57014":
            // Our cancel request, or the server's statement_timeout.
            return .stopped(
                watch.stoppedFor ?? .deadlinePassed, timeoutSeconds: watch.timeoutSeconds, sql: sql, engineCode: state)
        case "55P03":
            let seconds = watch.timeoutSeconds.map { " (\($0.formatted(maxFractionDigits: 1)) s)" } ?? ""
            return DatabaseError(
                .timeout,
                "the query waited for a lock another session holds\(seconds) and was stopped: try again later, or "
                    + "ask who holds it (pg_locks)",
                sql: sql, engineCode: state)
        case "25006":
            return DatabaseError(
                .readOnly, "the database refused a write (\(message)): this connection only reads", sql: sql,
                engineCode: state)
        default:
            return DatabaseError(.statementFailed, message, sql: sql, engineCode: state.isEmpty ? nil : state)
        }
    }

    static func connectionLost(reason: String, sql: String?, engineCode: String? = nil) -> DatabaseError {
        let detail = reason.isEmpty ? "" : " (\(reason))"
        return DatabaseError(
            .connectionLost, "the connection to the database was lost\(detail): the next question reconnects",
            sql: sql, engineCode: engineCode)
    }
}
