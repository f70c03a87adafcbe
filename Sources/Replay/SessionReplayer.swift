import Assistant
import Basics
import Databases
import Render
import SQLGuard

/// Runs a saved session's SQL again on a database, without the model: the same read-only guard, the same
/// engine in its read-only mode and the same limits as a turn, and nothing written to the history.
public struct SessionReplayer {
    public let database: any Database
    public let dialect: SQLDialect
    public let configuration: AssistantConfiguration
    /// Stops the query running and the turns after it (Ctrl-C).
    public let cancellation: Cancellation

    /// `database` must be opened read-only (`DatabaseConnector.open(_, access: .readOnly)`), as a turn's is.
    public init(database: any Database, configuration: AssistantConfiguration, cancellation: Cancellation = .never) {
        self.database = database
        self.dialect = database.location.dialect
        self.configuration = configuration
        self.cancellation = cancellation
    }

    /// Re-runs every turn of `turns` in order; `each` sees each one as it is done, so a long replay prints as
    /// it goes. Stops early, returning what was done, when it is cancelled.
    @discardableResult
    public func replay(_ turns: [SavedTurn], each: (ReplayedTurn) -> Void = { _ in }) -> [ReplayedTurn] {
        var done: [ReplayedTurn] = []
        for turn in turns {
            if cancellation.isCancelled { break }
            let replayed = ReplayedTurn(saved: turn, run: run(turn.sql))
            each(replayed)
            done.append(replayed)
        }
        return done
    }

    /// Checks and runs one SQL, keeping its rows up to the row cap.
    public func run(_ sql: String?) -> ReplayRun {
        guard let sql, !sql.allSatisfy(\.isWhitespace) else { return .nothingToRun }
        if let reason = SQLGuard.check(sql, dialect: dialect).reason { return .refused(reason: reason) }
        let clock = ContinuousClock()
        let start = clock.now
        var collector = PreviewCollector(limit: configuration.previewRows)
        var columns: [Column] = []
        var rows: [[DatabaseValue]] = []
        var text = RowText()
        let limits = QueryLimits(
            maxRows: configuration.maxRows, timeoutSeconds: configuration.statementTimeout,
            maxBytes: configuration.maxResultBytes, cancellation: cancellation)
        do {
            let stats = try database.query(
                sql, parameters: [], limits: limits,
                columns: { names in
                    columns = names
                    collector.begin(columns: names)
                },
                row: { values in
                    text.set(values)
                    collector.add(values, text: text)
                    rows.append(values)
                    return true
                })
            return .ran(
                FreshResult(
                    result: QueryResult(columns: columns, rows: rows, truncated: stats.truncated),
                    hash: collector.hash, setHash: collector.setHash,
                    executionMilliseconds: start.duration(to: clock.now).milliseconds))
        } catch let error as DatabaseError {
            return .failed(error)
        } catch {
            return .failed(DatabaseError(.statementFailed, "\(error)", sql: sql))
        }
    }

    /// True when the schema today is not the one the session was saved on (tables or columns changed);
    /// nil when the session recorded none or the schema cannot be read.
    public func schemaChanged(since fingerprint: String) -> Bool? {
        guard !fingerprint.isEmpty, let schema = try? database.schema() else { return nil }
        return SchemaDescriber.fingerprint(schema) != fingerprint
    }
}
