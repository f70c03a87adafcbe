import CSQLite
import SQLGuard

/// A prepared statement; finalized by its only owner in `deinit`.
///
/// https://www.sqlite.org/c3ref/stmt.html
final class SQLiteStatement {
    private let database: SQLiteDatabase
    private let handle: OpaquePointer
    let sql: String
    let columnCount: Int32

    init(_ database: SQLiteDatabase, _ sql: String) throws {
        self.database = database
        self.sql = sql
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { text in
            let code = sqlite3_prepare_v3(database.handle, text, -1, 0, &statement, &tail)
            // Anything but whitespace, comments or semicolons after the first statement is a second one.
            if code == SQLITE_OK, let tail, !SQLiteStatement.isBlank(String(cString: tail)) {
                return SQLITE_MISUSE
            }
            return code
        }
        if code == SQLITE_MISUSE {
            sqlite3_finalize(statement)
            throw DatabaseError(.statementFailed, "only one statement can run at a time", sql: sql)
        }
        guard code == SQLITE_OK else {
            sqlite3_finalize(statement)
            throw database.error(code, sql: sql)
        }
        guard let statement else {
            throw DatabaseError(.statementFailed, "there is no SQL statement to run", sql: sql)
        }
        handle = statement
        columnCount = sqlite3_column_count(statement)
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// True when SQLite itself proves the statement makes no direct change to the database file.
    /// https://www.sqlite.org/c3ref/stmt_readonly.html
    var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    var columns: [Column] {
        (0..<columnCount).map { index in
            let name = sqlite3_column_name(handle, index).map { String(cString: $0) } ?? "?column?"
            let type = sqlite3_column_decltype(handle, index).map { String(cString: $0) } ?? ""
            return Column(name: name, typeName: type)
        }
    }

    /// Binds `values` to the statement's parameters. A parameter named `$N` or `?N` takes the N-th value,
    /// so the history store writes `$1` for SQLite and PostgreSQL alike.
    func bind(_ values: [DatabaseValue]) throws {
        let count = sqlite3_bind_parameter_count(handle)
        guard count > 0 else { return }
        for index in 1...count {
            var position = Int(index)
            if let name = sqlite3_bind_parameter_name(handle, index).map({ String(cString: $0) }),
                let number = Int(name.dropFirst()), name.first == "$" || name.first == "?"
            {
                position = number
            }
            guard position >= 1, position <= values.count else {
                throw DatabaseError(.statementFailed, "parameter \(position) has no value", sql: sql)
            }
            let code = bind(values[position - 1], at: index)
            guard code == SQLITE_OK else { throw database.error(code, sql: sql) }
        }
    }

    private func bind(_ value: DatabaseValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let integer):
            return sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            return sqlite3_bind_double(handle, index, real)
        case .boolean(let flag):
            return sqlite3_bind_int64(handle, index, flag ? 1 : 0)
        case .blob(let bytes):
            return bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob64(handle, index, buffer.baseAddress, UInt64(buffer.count), dc_sqlite3_transient())
            }
        case .array:
            return sqlite3_bind_null(handle, index)
        case .text(let text), .numeric(let text), .date(let text), .time(let text), .timestamp(let text),
            .timestampWithTimeZone(let text), .interval(let text), .uuid(let text), .json(let text):
            var text = text
            return text.withUTF8 { buffer in
                sqlite3_bind_text64(
                    handle, index, buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                    UInt64(buffer.count), dc_sqlite3_transient(), UInt8(SQLITE_UTF8))
            }
        }
    }

    /// Advances to the next row: true when there is one.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(code, sql: sql)
        }
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// The current row's values, written over those of the row before in `values` (which holds `columnCount`
    /// of them), so the caller's one array serves every row while nothing keeps it; and their bytes for the
    /// result-size limit added to `byteCount`: the length of text and blobs, 8 for any other value.
    ///
    /// Counted from the values made here, rather than by asking SQLite again: `sqlite3_column_bytes` of a number
    /// converts it to text first (https://sqlite.org/c3ref/column_blob.html), and every other call per cell
    /// costs as much as reading the value.
    func readRow(into values: inout [DatabaseValue], byteCount: inout Int) {
        precondition(values.count == Int(columnCount), "readRow needs one slot a column")
        for index in 0..<Int(columnCount) {
            let value = value(at: Int32(index))
            switch value {
            case .text(let text): byteCount += text.utf8.count + 8
            case .blob(let blob): byteCount += blob.count + 8
            default: byteCount += 8
            }
            values[index] = value
        }
    }

    private func value(at index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            let length = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite3_column_bytes(handle, index))
            guard length > 0, let blob = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: length)))
        default:
            return .null
        }
    }

    /// True when `text` holds only whitespace, comments and semicolons.
    static func isBlank(_ text: String) -> Bool {
        SQLTokenizer(dialect: .sqlite).tokenize(text).allSatisfy {
            $0.kind == .whitespace || $0.kind == .comment || $0.kind == .semicolon
        }
    }
}
