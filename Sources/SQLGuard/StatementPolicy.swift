/// The words the guard's allowlist policy is made of.
///
/// A statement must begin with one of `readStarts`; after that, no word of `forbiddenWords` may
/// appear unquoted anywhere in it, which also catches a write hidden in a WITH clause
/// (`WITH x AS (DELETE ... RETURNING *) SELECT ...`). Words that honest queries use as names or
/// functions (`replace()`, `FETCH FIRST`, `CASE ... END`, a column called `comment` or `share`) are
/// refused only where they would act as a command.
enum StatementPolicy {
    /// Keywords a read-only statement begins with, per dialect.
    static func readStarts(_ dialect: SQLDialect) -> KeywordSet {
        switch dialect {
        case .sqlite: ["SELECT", "WITH", "VALUES", "EXPLAIN"]
        case .postgres: ["SELECT", "WITH", "VALUES", "TABLE", "EXPLAIN"]
        }
    }

    /// Statement keywords of writes, schema changes, transactions, sessions and server commands.
    /// None of them belongs in a query that only reads, wherever it appears.
    static let forbiddenWords: KeywordSet = [
        "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT",
        "REVOKE", "COPY", "ATTACH", "DETACH", "PRAGMA", "VACUUM", "ANALYZE", "ANALYSE", "REINDEX", "SET", "RESET",
        "LOCK", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "CALL", "DO", "EXECUTE", "PREPARE",
        "DEALLOCATE", "LISTEN", "NOTIFY", "UNLISTEN", "LOAD", "INTO", "DISCARD", "CHECKPOINT", "CLUSTER",
        "REFRESH", "REASSIGN", "DECLARE", "IMPORT",
    ]

    /// Keywords that write data when they lead (part of) a statement: inside a WITH clause they make
    /// a data-modifying CTE.
    static let dataModifying: KeywordSet = ["INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT"]
}
