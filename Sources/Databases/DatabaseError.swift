import Basics

/// A database failure as a value: what kind, a one-line message a user can act on, and the SQL involved.
///
/// The message never carries a password: locations are always shown redacted.
public struct DatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, to `catch` by name.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The location is malformed or names an engine datachat does not speak.
        public static let invalidLocation = Code("invalidLocation")
        /// A limit or option is outside what the engines accept (a timeout past a day).
        public static let invalidSetting = Code("invalidSetting")
        /// The database file is missing or the server refused the connection.
        public static let cannotOpen = Code("cannotOpen")
        /// The engine rejected or failed the statement.
        public static let statementFailed = Code("statementFailed")
        /// The engine refused a write: read-only access held.
        public static let readOnly = Code("readOnly")
        /// The statement ran past its time limit.
        public static let timeout = Code("timeout")
        /// The user cancelled the statement.
        public static let cancelled = Code("cancelled")
        /// The result grew past its byte limit.
        public static let resultTooLarge = Code("resultTooLarge")
        /// The connection dropped mid-way.
        public static let connectionLost = Code("connectionLost")
    }

    public var code: Code
    public var message: String
    public var sql: String?
    /// The engine's own error code (SQLite result code, PostgreSQL SQLSTATE as text), when there is one.
    public var engineCode: String?

    public init(_ code: Code, _ message: String, sql: String? = nil, engineCode: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.engineCode = engineCode
    }

    public var description: String { message }

    /// A statement the engine wrapper stopped itself, in the words both engines use: cancelled, or its timeout.
    static func stopped(
        _ reason: Cancellation.Reason, timeoutSeconds: Double?, sql: String?, engineCode: String? = nil
    ) -> DatabaseError {
        switch reason {
        case .interrupted:
            return DatabaseError(.cancelled, "the query was cancelled", sql: sql, engineCode: engineCode)
        case .deadlinePassed:
            let limit = timeoutSeconds.map { $0.formatted(maxFractionDigits: 1) } ?? "?"
            return DatabaseError(
                .timeout, "the query ran longer than \(limit) s and was stopped: narrow it or raise --timeout",
                sql: sql, engineCode: engineCode)
        }
    }

    /// A result past the byte cap (`--max-bytes`), in the words both engines use.
    static func resultTooLarge(maxBytes: Int, sql: String?) -> DatabaseError {
        DatabaseError(
            .resultTooLarge, "the result is larger than \(maxBytes.formattedBytes): ask for fewer rows or columns",
            sql: sql)
    }
}
