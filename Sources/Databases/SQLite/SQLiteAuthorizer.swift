import CSQLite
import SQLGuard

/// The engine's own allowlist for read-only connections: SQLite asks it about every action a
/// statement will take while preparing it, so a write, an ATTACH, a settings PRAGMA or a denied
/// function is refused even if the text slipped past `SQLGuard`.
///
/// https://www.sqlite.org/c3ref/set_authorizer.html
final class SQLiteAuthorizer {
    /// Why the last statement was refused, for the error message; SQLite only says "not authorized".
    private(set) var lastDenial: String?

    /// PRAGMAs that only report, allowed with an argument because the argument names a table or index
    /// (the schema introspection's `pragma_table_info(...)` and `pragma_foreign_key_list(...)` use them).
    static let reportingPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "foreign_key_list", "foreign_key_check", "index_list", "index_info",
        "index_xinfo",
    ]

    /// PRAGMAs that read a setting without an argument but change it with one.
    static let readOnlyPragmas: Set<String> = [
        "database_list", "collation_list", "function_list", "module_list", "pragma_list", "compile_options",
        "data_version", "encoding", "page_size", "page_count", "freelist_count", "schema_version", "user_version",
        "application_id", "query_only", "foreign_keys",
    ]

    func install(on handle: OpaquePointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_set_authorizer(
            handle,
            { context, action, first, second, _, _ in
                guard let context else { return SQLITE_DENY }
                let authorizer = Unmanaged<SQLiteAuthorizer>.fromOpaque(context).takeUnretainedValue()
                return authorizer.decide(
                    action, first.map { String(cString: $0) }, second.map { String(cString: $0) })
            }, context)
    }

    /// Called before each statement is prepared, so a denial explains only that statement.
    func reset() { lastDenial = nil }

    private func decide(_ action: Int32, _ first: String?, _ second: String?) -> Int32 {
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_UPDATE where first == "sqlite_master" || first == "sqlite_temp_master":
            // SQLite reports this while it connects a table-valued function (json_each, pragma_table_info);
            // no write follows, and a real one would still meet SQLITE_OPEN_READONLY and query_only.
            return SQLITE_OK
        case SQLITE_FUNCTION:
            // The same deny list as the guard's, so a call that slipped past the text is refused here.
            let name = second ?? ""
            if let harm = SQLGuard.deniedFunctionReason(name, dialect: .sqlite) {
                return deny("the function \(name.lowercased())() is not allowed: \(harm)")
            }
            return SQLITE_OK
        case SQLITE_PRAGMA:
            let name = (first ?? "").lowercased()
            if Self.reportingPragmas.contains(name) { return SQLITE_OK }
            if Self.readOnlyPragmas.contains(name), second == nil { return SQLITE_OK }
            return deny("PRAGMA \(name) is not allowed on a read-only connection")
        case SQLITE_ATTACH, SQLITE_DETACH:
            return deny("ATTACH and DETACH are not allowed on a read-only connection")
        default:
            return deny("the statement would change the database, and this connection only reads")
        }
    }

    private func deny(_ reason: String) -> Int32 {
        lastDenial = reason
        return SQLITE_DENY
    }
}
