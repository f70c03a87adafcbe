import Basics
import Databases
import Render

/// What Tab offers: command names, then per command its arguments, table and column names (also
/// `table.column`), and SQL keywords for the first word of `\sql`.
struct Completion {
    /// The analysed schema, fetched when first needed (nil when the database cannot be read).
    let schema: () -> Schema?
    /// Recent session ids, for `\resume`.
    let sessionIDs: () -> [String]

    func candidates(before text: String) -> (wordLength: Int, candidates: [String]) {
        let word = String(text.reversed().prefix(while: { Self.isWordCharacter($0) }).reversed())
        let head = String(text.dropLast(word.count))
        // The command name itself.
        if text.hasPrefix("\\"), !text.contains(where: \.isWhitespace) {
            let names = MetaCommand.allCases.map(\.rawValue).filter { $0.hasPrefix(text) }
            return (text.count, names)
        }
        let command = text.hasPrefix("\\") ? MetaCommand.parse(text)?.command : nil
        let offered: [String]
        switch command {
        case .describe: offered = tableNames()
        case .format: offered = OutputFormat.allCases.map(\.rawValue)
        case .expanded, .confirm: offered = ["on", "off"]
        case .good: offered = ["off"]
        case .resume: offered = sessionIDs()
        case .sql:
            let isFirstWord = head.trimmed() == "\\sql"
            offered = isFirstWord ? Self.firstKeywords : Self.keywords + namesInScope(word)
        case nil: offered = namesInScope(word)
        default: offered = []
        }
        let lower = word.lowercased()
        var matches: [String] = []
        for candidate in offered where candidate.lowercased().hasPrefix(lower) && !matches.contains(candidate) {
            matches.append(candidate)
        }
        // Typed in lower case, keywords come back in lower case.
        if !word.isEmpty, word == lower {
            matches = matches.map { Self.keywordSet.contains($0) ? $0.lowercased() : $0 }
        }
        return (word.count, matches)
    }

    /// Tables, and after `table.` that table's columns (as `table.column`).
    private func namesInScope(_ word: String) -> [String] {
        guard let schema = schema() else { return [] }
        if let dot = word.lastIndex(of: ".") {
            let tableName = String(word[..<dot])
            guard let table = schema.tables.first(where: { $0.name.lowercased() == tableName.lowercased() })
            else { return [] }
            return table.columns.map { tableName + "." + $0.name }
        }
        var names = schema.tables.map(\.name)
        for table in schema.tables { names += table.columns.map(\.name) }
        return names
    }

    private func tableNames() -> [String] {
        schema()?.tables.map(\.name) ?? []
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "."
    }

    /// What a read-only statement starts with.
    static let firstKeywords = ["SELECT", "WITH", "VALUES", "EXPLAIN", "TABLE"]

    static let keywords = [
        "SELECT", "DISTINCT", "FROM", "WHERE", "GROUP BY", "HAVING", "ORDER BY", "LIMIT", "OFFSET", "JOIN",
        "LEFT JOIN", "INNER JOIN", "CROSS JOIN", "ON", "USING", "AS", "AND", "OR", "NOT", "IN", "EXISTS",
        "BETWEEN", "LIKE", "ILIKE", "IS NULL", "IS NOT NULL", "CASE", "WHEN", "THEN", "ELSE", "END", "UNION",
        "UNION ALL", "INTERSECT", "EXCEPT", "WITH", "OVER", "PARTITION BY", "ASC", "DESC", "NULLS", "COUNT",
        "SUM", "AVG", "MIN", "MAX", "ROUND", "COALESCE", "CAST", "DATE", "EXTRACT", "STRFTIME", "DATE_TRUNC",
        "LOWER", "UPPER", "LENGTH", "SUBSTR", "ROW_NUMBER", "RANK", "DENSE_RANK", "LAG", "LEAD", "FILTER",
    ]

    private static let keywordSet = Set(keywords + firstKeywords)
}
