import SQLGuard

/// Colours SQL for the terminal with the guard's own tokenizer, so a keyword inside a string or a
/// comment stays the string's colour, exactly as the engine will read it.
///
/// Highlighting only ever adds escape sequences around tokens: the tokens' texts join back into the
/// input, so with colour off the output is the input byte for byte, whatever it holds (an unterminated
/// string, stray bytes, half a statement). Each line of a multi-line token is wrapped on its own, so
/// every line closes its colour and can be indented or cut without the colour bleeding.
public enum SQLHighlighter {
    public static func highlight(_ sql: String, dialect: SQLDialect, style: TextStyle) -> String {
        let keywords = keywordSet(dialect)
        var output = ""
        output.reserveCapacity(style.enabled ? sql.utf8.count * 2 : sql.utf8.count)
        for token in SQLTokenizer(dialect: dialect).tokenize(sql) {
            guard let paint = paint(for: token, keywords: keywords) else {
                output += token.text
                continue
            }
            appendLines(of: token.text, painted: { paint.apply($0, style) }, to: &output)
        }
        return output
    }

    /// The words shown as keywords in `dialect`, upper-case and sorted: also what completion offers.
    public static func keywords(for dialect: SQLDialect) -> [String] {
        keywordSet(dialect).sorted()
    }

    /// The colours of SQL, by what a token is.
    private enum Paint {
        case keyword, string, number, parameter, comment

        func apply(_ text: String, _ style: TextStyle) -> String {
            switch self {
            case .keyword: style.boldBlue(text)
            case .string: style.green(text)
            case .number: style.cyan(text)
            case .parameter: style.yellow(text)
            case .comment: style.dim(text)
            }
        }
    }

    /// How to colour one token; nil leaves it as it is (identifiers, operators, whitespace).
    private static func paint(for token: SQLToken, keywords: Set<String>) -> Paint? {
        switch token.kind {
        case .word: keywords.contains(token.text.uppercased()) ? .keyword : nil
        case .string: .string
        case .number: .number
        case .parameter: .parameter
        case .comment: .comment
        case .unterminated: unterminatedPaint(token.text)
        case .quotedIdentifier, .whitespace, .semicolon, .symbol: nil
        }
    }

    /// An unterminated token keeps the colour of what it started as, so typing an opening quote
    /// turns the rest of the line green the way the engine will read it.
    private static func unterminatedPaint(_ text: Substring) -> Paint? {
        if text.hasPrefix("/*") { return .comment }
        let rest = text.drop(while: { $0 == "E" || $0 == "e" || $0 == "U" || $0 == "u" || $0 == "&" })
        return text.first == "$" || rest.first == "'" ? .string : nil
    }

    /// Appends `text` with each line painted separately and the line breaks (LF, CR) left bare.
    private static func appendLines(of text: Substring, painted paint: (String) -> String, to output: inout String) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            // Line breaks are ASCII, so these indices always fall between Unicode scalars.
            let end = utf8[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? utf8.endIndex
            if start < end { output += paint(String(text[start..<end])) }
            guard end < utf8.endIndex else { break }
            let next = utf8.index(after: end)
            output += text[end..<next]
            start = next
        }
    }

    private static func keywordSet(_ dialect: SQLDialect) -> Set<String> {
        switch dialect {
        case .sqlite: sqliteKeywords
        case .postgres: postgresKeywords
        }
    }

    /// Words that read as SQL in both engines. Words a schema often uses as a column name without
    /// quoting (KEY, ACTION, NAME, FIRST, ROWS, DATA, ...) are left out: showing `key` as a keyword
    /// in `SELECT key FROM settings` would mislead.
    private static let common: Set<String> = [
        "ALL", "ALTER", "AND", "AS", "ASC", "BETWEEN", "BY", "CASE", "CAST", "CHECK", "COLLATE", "CONSTRAINT",
        "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DEFAULT", "DELETE", "DESC",
        "DISTINCT", "DROP", "ELSE", "END", "ESCAPE", "EXCEPT", "EXISTS", "EXPLAIN", "FALSE", "FILTER", "FOREIGN",
        "FROM", "FULL", "GROUP", "GROUPS", "HAVING", "IN", "INDEX", "INNER", "INSERT", "INTERSECT", "INTO", "IS",
        "JOIN", "LEFT", "LIKE", "LIMIT", "NATURAL", "NOT", "NULL", "NULLS", "OFFSET", "ON", "OR", "ORDER",
        "OUTER", "OVER", "PARTITION", "PRECEDING", "PRIMARY", "RECURSIVE", "REFERENCES", "RETURNING", "RIGHT",
        "SELECT", "SET", "TABLE", "THEN", "TRUE", "UNBOUNDED", "UNION", "UNIQUE", "UPDATE", "USING", "VALUES",
        "VIEW", "WHEN", "WHERE", "WINDOW", "WITH", "FOLLOWING",
    ]

    private static let sqliteKeywords: Set<String> = common.union([
        "ANALYZE", "ATTACH", "AUTOINCREMENT", "DETACH", "GLOB", "INDEXED", "ISNULL", "MATCH", "NOTNULL",
        "PRAGMA", "REGEXP", "REPLACE", "VACUUM", "WITHOUT",
    ])

    private static let postgresKeywords: Set<String> = common.union([
        "ANALYZE", "ANY", "ARRAY", "ASYMMETRIC", "BOTH", "FETCH", "FOR", "ILIKE", "INTERVAL", "LATERAL",
        "LEADING", "LOCALTIME", "LOCALTIMESTAMP", "ONLY", "OVERLAPS", "SIMILAR", "SOME", "SYMMETRIC",
        "TABLESAMPLE", "TRAILING", "VARIADIC", "VERBOSE",
    ])
}
