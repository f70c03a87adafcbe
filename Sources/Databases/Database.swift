import Basics
import SQLGuard

/// Whether a connection may write. Analysed data is only ever opened `.readOnly`; the history store
/// is the one `.readWrite` user.
public enum AccessMode: Sendable, Hashable {
    case readOnly
    case readWrite
}

/// Bounds on one statement, enforced by the engine wrapper.
public struct QueryLimits: Sendable {
    /// Rows handed over at most; the fetch stops there and reports `truncated`.
    public var maxRows: Int?
    /// Wall-clock limit for the statement.
    public var timeoutSeconds: Double?
    /// Bytes of row data at most (a guard against one giant value or row).
    public var maxBytes: Int?
    /// Polled while the statement runs (Ctrl-C); the engine adds the timeout's deadline to it.
    public var cancellation: Cancellation

    public init(
        maxRows: Int? = nil, timeoutSeconds: Double? = nil, maxBytes: Int? = nil, cancellation: Cancellation = .never
    ) {
        self.maxRows = maxRows
        self.timeoutSeconds = timeoutSeconds
        self.maxBytes = maxBytes
        self.cancellation = cancellation
    }

    public static let none = QueryLimits()

    /// The statement timeouts datachat accepts, in seconds: up to one day. PostgreSQL reads its timeouts
    /// as milliseconds in a 32-bit integer (24.8 days at most) and the idle-in-transaction limit is set to
    /// twice the statement's, so this range is valid on both engines with room to spare.
    public static let timeoutRange: ClosedRange<Double> = 1...86_400

    /// `text` as a statement timeout in seconds, or one line naming `setting` and the range.
    public static func timeout(_ text: String, setting: String) throws(DatabaseError) -> Double {
        guard let seconds = Double(text.trimmed()), timeoutRange.contains(seconds) else {
            throw DatabaseError(
                .invalidSetting,
                "\(setting) must be a number of seconds from \(Int(timeoutRange.lowerBound)) to "
                    + "\(Int(timeoutRange.upperBound)) (one day), not \"\(text)\"")
        }
        return seconds
    }

    /// The timeout as the engines are given it: within `timeoutRange`, so no conversion can overflow
    /// whatever a caller passed.
    var boundedTimeoutSeconds: Double? {
        timeoutSeconds.map {
            $0.isNaN ? Self.timeoutRange.upperBound : min(max($0, 0.001), Self.timeoutRange.upperBound)
        }
    }

    /// The caller's cancellation with the statement's deadline, `grace` after the timeout, added.
    func cancellation(grace: Duration = .zero) -> Cancellation {
        cancellation.limited(by: boundedTimeoutSeconds.map { .now + .milliseconds(Int64($0 * 1000)) + grace })
    }
}

/// A connection to one database, SQLite or PostgreSQL, seen through Swift types only.
///
/// Connections are confined to the thread that uses them; they are classes so that exactly one owner
/// closes the C handle.
public protocol Database: AnyObject {
    var dialect: SQLDialect { get }
    var location: DatabaseLocation { get }

    /// Runs one statement and streams its result: `columns` once, then `row` per row until it returns
    /// false, the row cap is reached, or the rows run out.
    @discardableResult
    func query(
        _ sql: String, parameters: [DatabaseValue], limits: QueryLimits,
        columns: ([Column]) throws -> Void, row: ([DatabaseValue]) throws -> Bool
    ) throws -> QueryStats

    /// Runs statements that return nothing (DDL, writes); several may be separated by semicolons when
    /// `parameters` is empty.
    func execute(_ sql: String, parameters: [DatabaseValue]) throws

    /// The tables and views a question may be about.
    func schema() throws -> Schema

    /// Inserts many rows at once (the bundled sample), inside the caller's transaction.
    func insertRows(into table: String, columns: [String], rows: [[DatabaseValue]]) throws
}

extension Database {
    /// Runs a query and collects its rows, stopping at the row cap of `limits`.
    public func fetchAll(
        _ sql: String, parameters: [DatabaseValue] = [], limits: QueryLimits = .none
    ) throws -> QueryResult {
        var result = QueryResult(columns: [], rows: [])
        let stats = try query(
            sql, parameters: parameters, limits: limits,
            columns: { result.columns = $0 },
            row: {
                result.rows.append($0)
                return true
            })
        result.truncated = stats.truncated
        return result
    }

    public func execute(_ sql: String) throws {
        try execute(sql, parameters: [])
    }

    /// Runs `body` in a transaction, committed when it returns and rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}
