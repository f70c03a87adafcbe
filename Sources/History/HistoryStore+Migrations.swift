import Databases

/// The store's schema, one numbered step at a time. A step is never edited once released: add another.
///
/// The DDL is plain enough for SQLite and PostgreSQL alike: ids are UUID text, times ISO 8601 text.
extension HistoryStore {
    static let migrations: [String] = [
        """
        CREATE TABLE chat_sessions (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            data_source TEXT NOT NULL,
            dialect TEXT NOT NULL,
            model TEXT NOT NULL,
            endpoint_host TEXT NOT NULL,
            user_name TEXT NOT NULL,
            client_version TEXT NOT NULL,
            schema_fingerprint TEXT NOT NULL
        );
        CREATE TABLE chat_messages (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES chat_sessions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
            content TEXT NOT NULL,
            sql TEXT,
            status TEXT NOT NULL CHECK (status IN ('pending', 'ok', 'rejected', 'error', 'cancelled', 'no_sql')),
            error TEXT,
            columns TEXT,
            row_count INTEGER,
            result_hash TEXT,
            result_preview TEXT,
            attempt INTEGER NOT NULL DEFAULT 1,
            model TEXT,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            first_token_ms DOUBLE PRECISION,
            model_ms DOUBLE PRECISION,
            execution_ms DOUBLE PRECISION,
            total_ms DOUBLE PRECISION,
            created_at TEXT NOT NULL,
            UNIQUE (session_id, seq)
        );
        CREATE INDEX chat_sessions_updated_at ON chat_sessions (updated_at);
        """,
        // 2: the turns the user confirmed as right (`\good`, `--remember`), shown to the model as examples on
        // later questions about the same database. The question and SQL are copied from the turn's messages,
        // which are never edited, so retrieval reads this one table by its index.
        """
        CREATE TABLE chat_examples (
            message_id TEXT PRIMARY KEY REFERENCES chat_messages(id) ON DELETE CASCADE,
            session_id TEXT NOT NULL REFERENCES chat_sessions(id) ON DELETE CASCADE,
            data_source TEXT NOT NULL,
            question TEXT NOT NULL,
            sql TEXT NOT NULL,
            confirmed_at TEXT NOT NULL
        );
        CREATE INDEX chat_examples_data_source ON chat_examples (data_source, confirmed_at);
        """,
        // 3: replay. `result_set_hash` hashes a result's rows in any order, so `replay --check` does not call
        // rows of a query without ORDER BY changed when only their order is; `replay_of` links the session
        // `replay --reask` wrote to the session it asked again.
        """
        ALTER TABLE chat_messages ADD COLUMN result_set_hash TEXT;
        ALTER TABLE chat_sessions ADD COLUMN replay_of TEXT
        """,
    ]

    /// Brings the store up to the newest schema; safe to run on every start, from many processes at once.
    static func migrate(_ database: any Database) throws {
        let current = (try? database.fetchAll("SELECT max(version) FROM schema_version"))?.rows.first?.first?.intValue
        if let current, current >= migrations.count { return }
        try database.transaction {
            if database.dialect == .postgres {
                // Concurrent first runs against one shared server take turns; DDL is transactional there.
                try database.execute("SELECT pg_advisory_xact_lock($1)", parameters: [.integer(migrationLockKey)])
            }
            try database.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            // Re-read inside the transaction: another process may have migrated meanwhile.
            let version =
                try database.fetchAll("SELECT max(version) FROM schema_version").rows.first?.first?.intValue ?? 0
            for step in version..<max(version, migrations.count) {
                for statement in migrations[step].split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                    try database.execute(String(statement))
                }
                try database.execute(
                    "INSERT INTO schema_version (version) VALUES ($1)", parameters: [.integer(Int64(step + 1))])
            }
        }
    }

    /// The advisory lock that serialises migrations on PostgreSQL ("datachat" in ASCII).
    static let migrationLockKey: Int64 = 0x6461_7461_6368_6174
}
