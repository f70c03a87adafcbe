/// The first line of defence: proves from the text alone that a statement only reads.
///
/// The engine enforces read-only access again underneath (see `Databases`), so a miss here is not a
/// breach; but what this refuses never reaches the database, and the user learns why in words.
public enum SQLGuard {
    /// Keywords that begin a statement datachat runs.
    static let readStatementStarts: Set<String> = ["SELECT", "WITH", "VALUES"]

    /// Words that name a write, schema change, transaction or session command anywhere in a statement.
    static let forbiddenKeywords: Set<String> = [
        "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT", "CREATE", "DROP", "ALTER", "TRUNCATE",
        "GRANT", "REVOKE", "COPY", "ATTACH", "DETACH", "PRAGMA", "VACUUM", "ANALYZE", "REINDEX", "SET",
        "RESET", "LOCK", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "CALL", "DO", "EXECUTE",
        "PREPARE", "DEALLOCATE", "LISTEN", "NOTIFY", "UNLISTEN", "LOAD", "INTO",
    ]

    /// Checks that `sql` is exactly one statement that only reads.
    public static func check(_ sql: String, dialect: SQLDialect) -> Verdict {
        let tokens = SQLTokenizer(dialect: dialect).tokenize(sql)
        var statements: [[SQLToken]] = [[]]
        for token in tokens {
            switch token.kind {
            case .comment, .whitespace: continue
            case .semicolon: statements.append([])
            default: statements[statements.count - 1].append(token)
            }
        }
        let nonEmpty = statements.filter { !$0.isEmpty }
        guard let statement = nonEmpty.first else {
            return .rejected(reason: "there is no SQL statement to run", position: nil)
        }
        if nonEmpty.count > 1 {
            let second = nonEmpty[1][0]
            return .rejected(
                reason: "only one statement may run at a time; a second one starts at \"\(second.text)\"",
                position: second.offset)
        }
        if case .unterminated = statement.last?.kind {
            return .rejected(reason: "the SQL ends inside an unterminated string or comment", position: nil)
        }
        let first = statement[0]
        guard first.kind == .word, readStatementStarts.contains(first.text.uppercased()) else {
            return .rejected(
                reason: "\(first.text.uppercased()) is not allowed: datachat only runs SELECT queries",
                position: first.offset)
        }
        for token in statement where token.kind == .word {
            let word = token.text.uppercased()
            if forbiddenKeywords.contains(word) {
                return .rejected(reason: "\(word) is not allowed: datachat only reads", position: token.offset)
            }
        }
        return .allowed
    }
}
