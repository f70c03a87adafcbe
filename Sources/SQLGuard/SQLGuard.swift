/// The first line of defence: proves from the text alone that a statement only reads.
///
/// The engine enforces read-only access again underneath (see `Databases`), so a miss here is not a
/// breach; but what this refuses never reaches the database, and the user learns why in words.
/// docs/SECURITY.md describes the layers and what each one stops.
public enum SQLGuard {
    /// Checks that `sql` is exactly one statement that only reads; a trailing semicolon and comments
    /// are fine. A rejection's position is a UTF-8 offset into `sql`.
    public static func check(_ sql: String, dialect: SQLDialect) -> Verdict {
        let bytes = Array(sql.utf8)
        if let nul = bytes.firstIndex(of: 0) {
            return .rejected(reason: "the SQL contains a NUL byte, which would cut it short", position: nul)
        }
        let statements = split(bytes, dialect: dialect)
        guard let statement = statements.first else {
            return .rejected(reason: "there is no SQL statement to run", position: nil)
        }
        if statements.count > 1 {
            let second = statements[1][0]
            let word = String(decoding: bytes[second.start..<min(second.end, second.start + 40)], as: UTF8.self)
            return .rejected(
                reason: "only one statement may run at a time; a second one starts at \"\(word)\"",
                position: second.start)
        }
        return StatementChecker(bytes: bytes, tokens: statement, dialect: dialect).verdict()
    }

    /// Checks every statement of a script on its own, for `datachat sql check`: one result per
    /// statement, positions counted from the start of `sql`.
    public static func checkEach(_ sql: String, dialect: SQLDialect) -> [StatementCheck] {
        let bytes = Array(sql.utf8)
        return split(bytes, dialect: dialect).map { statement in
            let start = statement[0].start
            let end = statement[statement.count - 1].end
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            let verdict: Verdict
            if let nul = bytes[start..<end].firstIndex(of: 0) {
                verdict = .rejected(reason: "the SQL contains a NUL byte, which would cut it short", position: nul)
            } else {
                verdict = StatementChecker(bytes: bytes, tokens: statement, dialect: dialect).verdict()
            }
            return StatementCheck(text: text, offset: start, verdict: verdict)
        }
    }

    /// Why a call of the function `name` is refused in `dialect`, or nil when it may be called; the
    /// SQLite authorizer asks this too, so both layers deny the same functions.
    public static func deniedFunctionReason(_ name: String, dialect: SQLDialect) -> String? {
        FunctionDenyList.forDialect(dialect).harm(of: name.lowercased()).map(\.rawValue)
    }

    /// The significant tokens (no whitespace or comments) of each non-empty statement, split at the
    /// semicolons outside strings, identifiers and comments.
    static func split(_ bytes: [UInt8], dialect: SQLDialect) -> [[RawToken]] {
        let tokens = SQLTokenizer(dialect: dialect).scan(bytes, trivia: false)
        var statements: [[RawToken]] = []
        var start = 0
        for index in tokens.indices where tokens[index].isKind(.semicolon) {
            if index > start { statements.append(Array(tokens[start..<index])) }
            start = index + 1
        }
        if start == 0, !tokens.isEmpty { return [tokens] }
        if start < tokens.count { statements.append(Array(tokens[start...])) }
        return statements
    }
}

/// One statement of a script and what the guard decided about it.
public struct StatementCheck: Sendable, Hashable {
    /// The statement without its semicolon or surrounding comments.
    public let text: String
    /// UTF-8 offset of the statement in the script.
    public let offset: Int
    public let verdict: Verdict

    public init(text: String, offset: Int, verdict: Verdict) {
        self.text = text
        self.offset = offset
        self.verdict = verdict
    }
}
