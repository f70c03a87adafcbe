import Databases
import SQLGuard

/// The store's schema, one numbered step at a time. A step is never edited once released: add another.
///
/// Steps 1 to 3 are plain enough for SQLite and PostgreSQL alike: ids are UUID text, times ISO 8601 text.
/// Steps 4 to 6, the full-text index and what makes its search fast, are each engine's own.
extension HistoryStore {
    /// Every step for `dialect`, each a list of statements run in order.
    static func migrations(for dialect: SQLDialect) -> [[String]] {
        sharedMigrations.map { step in
            step.split(separator: ";").filter { !$0.allSatisfy(\.isWhitespace) }.map(String.init)
        } + [searchIndex(dialect), newestFirst(dialect), searchTerms(dialect)]
    }

    /// 5: `sessions search` ranks only the newest matches, so PostgreSQL needs the messages by time (SQLite
    /// reads FTS5's matches newest first by rowid and needs nothing). Released once, then dropped when the
    /// planner walked this index for rare words too; back, as `search` now chooses the plan itself.
    static func newestFirst(_ dialect: SQLDialect) -> [String] {
        dialect == .postgres
            ? ["CREATE INDEX IF NOT EXISTS chat_messages_created_at ON chat_messages (created_at)"] : []
    }

    /// 6: every word the index holds, so a search word is looked up as the few whole words it starts
    /// (`order` as `order`, `orders`) instead of as a prefix, which both engines answer by reading every match
    /// of every such word first (`HistoryStore+SearchTerms`).
    ///
    /// SQLite: FTS5's own view of its index (`fts5vocab`), nothing stored. PostgreSQL: a table of the lexemes
    /// of `search_vector`, filled by a statement trigger from the rows each insert or update wrote (COPY
    /// included), and with the rows already there. A word whose last message is deleted stays: it then stands
    /// for no message, which changes no result.
    static func searchTerms(_ dialect: SQLDialect) -> [String] {
        switch dialect {
        case .sqlite:
            return ["CREATE VIRTUAL TABLE chat_search_terms USING fts5vocab(chat_messages_search, row)"]
        case .postgres:
            return [
                #"CREATE TABLE chat_search_terms (term TEXT COLLATE "C" PRIMARY KEY)"#,
                // The function resolves the table by the search path it was made with, the store's schema.
                // A new word inserted by a transaction not yet committed makes another inserting it wait;
                // inserted in one order by every writer, two of them never wait on each other (a deadlock
                // would fail one's save).
                """
                CREATE FUNCTION chat_search_terms_add() RETURNS trigger LANGUAGE plpgsql
                SET search_path FROM CURRENT AS $$
                BEGIN
                    INSERT INTO chat_search_terms (term)
                    SELECT DISTINCT unnest(tsvector_to_array(search_vector)) FROM written ORDER BY 1
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END
                $$
                """,
                """
                CREATE TRIGGER chat_search_terms_insert AFTER INSERT ON chat_messages
                REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION chat_search_terms_add()
                """,
                """
                CREATE TRIGGER chat_search_terms_update AFTER UPDATE ON chat_messages
                REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION chat_search_terms_add()
                """,
                """
                INSERT INTO chat_search_terms (term)
                SELECT DISTINCT unnest(tsvector_to_array(search_vector)) FROM chat_messages ON CONFLICT DO NOTHING
                """,
            ]
        }
    }

    private static let sharedMigrations: [String] = [
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

    /// 4: `sessions search` by words, ranked, instead of a LIKE scan of every message. It indexes a
    /// message's content (the question, the model's words) and its SQL, the rows already there included, and
    /// is kept in step by the engine itself, so no writer of the store can forget it.
    ///
    /// SQLite: an FTS5 table over `chat_messages` (external content, so the text is not stored twice) kept
    /// by triggers. PostgreSQL: a generated `tsvector` column with a GIN index. Both use the engines' plain
    /// word rules, without stemming (`unicode61`, the `simple` configuration), so a search finds the same
    /// messages on either; PostgreSQL indexes a message's first 300,000 characters, as a `tsvector`
    /// cannot pass 1 MB and an insert over it would fail the turn's save.
    static func searchIndex(_ dialect: SQLDialect) -> [String] {
        switch dialect {
        case .sqlite:
            return [
                """
                CREATE VIRTUAL TABLE chat_messages_search USING fts5(
                    content, sql, content = 'chat_messages', content_rowid = 'rowid')
                """,
                """
                CREATE TRIGGER chat_messages_search_insert AFTER INSERT ON chat_messages BEGIN
                    INSERT INTO chat_messages_search (rowid, content, sql) VALUES (new.rowid, new.content, new.sql);
                END
                """,
                """
                CREATE TRIGGER chat_messages_search_delete AFTER DELETE ON chat_messages BEGIN
                    INSERT INTO chat_messages_search (chat_messages_search, rowid, content, sql)
                    VALUES ('delete', old.rowid, old.content, old.sql);
                END
                """,
                """
                CREATE TRIGGER chat_messages_search_update AFTER UPDATE OF content, sql ON chat_messages BEGIN
                    INSERT INTO chat_messages_search (chat_messages_search, rowid, content, sql)
                    VALUES ('delete', old.rowid, old.content, old.sql);
                    INSERT INTO chat_messages_search (rowid, content, sql) VALUES (new.rowid, new.content, new.sql);
                END
                """,
                rebuildSearchIndex,
            ]
        case .postgres:
            return [
                """
                ALTER TABLE chat_messages ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    to_tsvector('simple', left(content || ' ' || coalesce(sql, ''), 300000))) STORED
                """,
                "CREATE INDEX chat_messages_search ON chat_messages USING gin (search_vector)",
            ]
        }
    }

    /// Indexes every message again (SQLite): after the migration, and in a copy made by `VACUUM INTO`, whose
    /// rowids SQLite does not promise to keep.
    static let rebuildSearchIndex = "INSERT INTO chat_messages_search (chat_messages_search) VALUES ('rebuild')"

    /// Brings the store up to the newest schema; safe to run on every start, from many processes at once.
    ///
    /// A store a newer datachat has migrated further is refused: this one does not know what the later
    /// versions changed, and writing as if they had not happened could leave rows the newer one misreads.
    static func migrate(_ database: any Database) throws {
        let migrations = migrations(for: database.dialect)
        let current = (try? database.fetchAll("SELECT max(version) FROM schema_version"))?.rows.first?.first?.intValue
        if let current, current > migrations.count {
            throw newerStoreError(database, version: Int(current), known: migrations.count)
        }
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
            if version > migrations.count {
                throw newerStoreError(database, version: Int(version), known: migrations.count)
            }
            for step in version..<migrations.count {
                for statement in migrations[step] { try database.execute(statement) }
                try database.execute(
                    "INSERT INTO schema_version (version) VALUES ($1)", parameters: [.integer(Int64(step + 1))])
            }
        }
    }

    private static func newerStoreError(_ database: any Database, version: Int, known: Int) -> DatabaseError {
        DatabaseError(
            .invalidLocation,
            "the history store \(database.location.redacted) was written by a newer datachat (store version "
                + "\(version); this one knows up to \(known)): upgrade datachat to use it")
    }

    /// The advisory lock that serialises migrations on PostgreSQL ("datachat" in ASCII).
    static let migrationLockKey: Int64 = 0x6461_7461_6368_6174
}
