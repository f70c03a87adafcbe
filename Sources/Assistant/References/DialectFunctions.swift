import Basics
import Databases
import SQLGuard

/// MySQL's date functions, which small models write whatever the dialect (`YEAR(ordered_at) = 2024` in
/// SQLite), rewritten into the dialect's own once the database has said the function does not exist.
///
/// Repairs do not help here: asked to fix `no such function: YEAR`, a 1.5B model sent the same query back
/// three times out of three. The rewrite is exact, so it needs no model: `YEAR(x)` is
/// `CAST(strftime('%Y', x) AS INTEGER)` in SQLite and `CAST(EXTRACT(YEAR FROM x) AS INTEGER)` in
/// PostgreSQL, integers as MySQL's are. Only after the engine's own error names one of them: a PostgreSQL
/// database may define a `year()` of its own, and then nothing is missing and nothing is rewritten.
enum DialectFunctions {
    /// The fix once `error` says one of these functions is missing: every call of any of them in `sql`
    /// rewritten, so a query with `YEAR` and `MONTH` takes one fix, not two; nil when the error is another, or
    /// a call has arguments the rewrite does not know.
    static func fix(_ sql: String, after error: DatabaseError, dialect: SQLDialect) -> ReferenceFix? {
        let known = rewrites(for: dialect)
        guard let missing = missingFunction(in: error.message), known[missing] != nil else { return nil }

        let tokens = SQLTokenizer(dialect: dialect).tokenize(sql).filter {
            $0.kind != .whitespace && $0.kind != .comment
        }
        var replacements: [ReferenceFix.Replacement] = []
        var changed: [String] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let name = token.text.uppercased()
            // `app.year(x)` names a schema's own function: not ours to rewrite.
            let isQualified = index > 0 && tokens[index - 1].text == "."
            guard token.kind == .word, !isQualified, let rewrite = known[name],
                index + 1 < tokens.count, tokens[index + 1].text == "(",
                let call = Self.call(in: sql, tokens: tokens, openAt: index + 1)
            else {
                index += 1
                continue
            }
            guard let text = rewrite(call.arguments) else { return nil }
            let end = call.closeOffset + 1
            replacements.append(.init(offset: token.offset, length: end - token.offset, text: text))
            if !changed.contains(name) { changed.append(name) }
            index = call.closeIndex + 1
        }
        guard !replacements.isEmpty else { return nil }
        let engine = dialect.displayName
        return ReferenceFix(
            replacements: replacements,
            description: changed.map { "\($0)() -> \(engine)'s own" }.joined(separator: ", ")
                + " (\(engine) has no \(changed.joined(separator: ", ")))")
    }

    /// `YEAR` from SQLite's `no such function: YEAR` or PostgreSQL's
    /// `function year(timestamp without time zone) does not exist`; uppercased.
    static func missingFunction(in message: String) -> String? {
        if let range = message.firstRange(of: "no such function: ") {
            let name = message[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            return name.isEmpty ? nil : name.uppercased()
        }
        if let range = message.firstRange(of: "function "), message.contains(" does not exist") {
            let name = message[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            return name.isEmpty ? nil : name.uppercased()
        }
        return nil
    }

    /// The rewrite of each function by its arguments' text; nil for an arity it does not know.
    private static func rewrites(for dialect: SQLDialect) -> [String: ([String]) -> String?] {
        switch dialect {
        case .sqlite:
            let part = { (format: String) in
                { (arguments: [String]) -> String? in
                    arguments.count == 1 ? "CAST(strftime('\(format)', \(arguments[0])) AS INTEGER)" : nil
                }
            }
            return [
                "YEAR": part("%Y"), "MONTH": part("%m"), "DAY": part("%d"), "DAYOFMONTH": part("%d"),
                "DATEDIFF": {
                    $0.count == 2 ? "CAST(julianday(date(\($0[0]))) - julianday(date(\($0[1]))) AS INTEGER)" : nil
                },
                "NOW": { $0.isEmpty ? "datetime('now')" : nil },
                "CURDATE": { $0.isEmpty ? "date('now')" : nil },
            ]
        case .postgres:
            let part = { (field: String) in
                { (arguments: [String]) -> String? in
                    arguments.count == 1 ? "CAST(EXTRACT(\(field) FROM \(arguments[0])) AS INTEGER)" : nil
                }
            }
            return [
                "YEAR": part("YEAR"), "MONTH": part("MONTH"), "DAY": part("DAY"), "DAYOFMONTH": part("DAY"),
                "DATEDIFF": { $0.count == 2 ? "(CAST(\($0[0]) AS date) - CAST(\($0[1]) AS date))" : nil },
                "CURDATE": { $0.isEmpty ? "CURRENT_DATE" : nil },
            ]
        }
    }

    /// The arguments of the call whose `(` is `tokens[openAt]`, as written, split at its own top-level commas.
    private static func call(
        in sql: String, tokens: [SQLToken], openAt: Int
    ) -> (arguments: [String], closeIndex: Int, closeOffset: Int)? {
        let bytes = Array(sql.utf8)
        var depth = 0
        var arguments: [String] = []
        var start = tokens[openAt].offset + 1
        for index in openAt..<tokens.count {
            let token = tokens[index]
            guard token.kind == .symbol else { continue }
            switch token.text {
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 {
                    let last = String(decoding: bytes[start..<token.offset], as: UTF8.self).trimmed()
                    if !(arguments.isEmpty && last.isEmpty) { arguments.append(last) }
                    return (arguments, index, token.offset)
                }
            case "," where depth == 1:
                arguments.append(String(decoding: bytes[start..<token.offset], as: UTF8.self).trimmed())
                start = token.offset + 1
            default: break
            }
        }
        return nil
    }
}
