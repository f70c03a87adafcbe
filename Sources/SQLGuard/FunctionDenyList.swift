/// Functions that a read-only statement may still call to harm: sleep, touch the server's files,
/// run SQL from a string, take locks, signal other sessions, change settings or sequences.
///
/// Names match case-insensitively, whatever schema qualifies them and however they are quoted.
struct FunctionDenyList: Sendable {
    /// Why a family of functions is refused, in words a user understands.
    enum Harm: String, Sendable {
        case stalls = "it can stall the database"
        case files = "it reads or writes files on the database server"
        case runsSQL = "it runs SQL from a string, which the guard cannot check"
        case sideEffects = "it changes the database or the server"
        case locks = "it takes locks other sessions wait on"
        case otherSessions = "it acts on other sessions"
        case settings = "it changes the session's settings"
        case extensions = "it loads code into the database engine"
        case memory = "it can allocate unbounded memory"
    }

    let exact: [String: Harm]
    /// Families matched by prefix, grouped by their first two bytes so that a call of `sum` or
    /// `date_trunc` is cleared after one dictionary lookup.
    private let prefixes: [UInt16: [(prefix: [UInt8], harm: Harm)]]

    init(exact: [String: Harm], prefixes: [(String, Harm)]) {
        self.exact = exact
        var grouped: [UInt16: [(prefix: [UInt8], harm: Harm)]] = [:]
        for (prefix, harm) in prefixes {
            let bytes = Array(prefix.utf8)
            grouped[Self.bucket(bytes), default: []].append((bytes, harm))
        }
        self.prefixes = grouped
    }

    func harm(of lowercasedName: String) -> Harm? {
        let bytes = Array(lowercasedName.utf8)
        if let family = prefixes[Self.bucket(bytes)] {
            for (prefix, harm) in family where bytes.starts(with: prefix) { return harm }
        }
        return exact[lowercasedName]
    }

    private static func bucket(_ bytes: [UInt8]) -> UInt16 {
        guard bytes.count >= 2 else { return 0 }
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    }

    static func forDialect(_ dialect: SQLDialect) -> FunctionDenyList {
        switch dialect {
        case .sqlite: sqlite
        case .postgres: postgres
        }
    }

    /// https://www.postgresql.org/docs/current/functions-admin.html and the contrib modules a server may have.
    static let postgres = FunctionDenyList(
        exact: [
            "pg_stat_file": .files, "pg_current_logfile": .files,
            "loread": .files, "lowrite": .files,
            "query_to_xml": .runsSQL, "query_to_xmlschema": .runsSQL, "query_to_xml_and_xmlschema": .runsSQL,
            "cursor_to_xml": .runsSQL, "cursor_to_xmlschema": .runsSQL, "ts_stat": .runsSQL,
            "ts_rewrite": .runsSQL,
            "set_config": .settings,
            "nextval": .sideEffects, "setval": .sideEffects, "pg_notify": .sideEffects,
            "pg_reload_conf": .sideEffects, "pg_rotate_logfile": .sideEffects, "pg_switch_wal": .sideEffects,
            "pg_promote": .sideEffects, "pg_start_backup": .sideEffects, "pg_stop_backup": .sideEffects,
            "pg_import_system_collations": .sideEffects, "pg_current_xact_id": .sideEffects,
            "txid_current": .sideEffects, "pg_prewarm": .sideEffects, "pg_truncate_visibility_map": .sideEffects,
            "brin_summarize_new_values": .sideEffects, "brin_summarize_range": .sideEffects,
            "brin_desummarize_range": .sideEffects, "gin_clean_pending_list": .sideEffects,
            "pg_stat_statements_reset": .sideEffects, "pg_export_snapshot": .sideEffects,
            "pg_terminate_backend": .otherSessions, "pg_cancel_backend": .otherSessions,
            "pg_signal_backend": .otherSessions,
        ],
        prefixes: [
            ("pg_sleep", .stalls),
            ("pg_read_", .files), ("pg_ls_", .files), ("pg_file_", .files), ("pg_logdir_", .files), ("lo_", .files),
            ("dblink", .runsSQL), ("table_to_xml", .runsSQL), ("schema_to_xml", .runsSQL),
            ("database_to_xml", .runsSQL),
            ("pg_advisory_", .locks), ("pg_try_advisory_", .locks),
            ("pg_create_", .sideEffects), ("pg_drop_", .sideEffects), ("pg_copy_", .sideEffects),
            ("pg_replication_", .sideEffects), ("pg_logical_", .sideEffects), ("pg_backup_", .sideEffects),
            ("pg_wal_replay_", .sideEffects), ("pg_stat_reset", .sideEffects), ("pg_log_", .sideEffects),
        ])

    /// https://www.sqlite.org/lang_corefunc.html and the shell's and common extensions' functions.
    static let sqlite = FunctionDenyList(
        exact: [
            "load_extension": .extensions, "fts3_tokenizer": .extensions, "fts5": .extensions,
            "readfile": .files, "writefile": .files, "edit": .files, "fsdir": .files, "lsdir": .files,
            "zipfile": .files, "sqlite_dbpage": .files, "sqlite_dbdata": .files, "sqlite_dbptr": .files,
            "eval": .runsSQL,
            "zeroblob": .memory, "randomblob": .memory,
        ],
        prefixes: [("sqlite_rename_", .sideEffects), ("sqlite_drop_", .sideEffects)])
}
