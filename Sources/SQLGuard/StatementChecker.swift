/// Applies the policy to one statement's significant tokens.
///
/// Works on byte offsets and builds a keyword's text only for short unquoted words, so that a 10 KB
/// query is checked in microseconds.
struct StatementChecker {
    let bytes: [UInt8]
    let tokens: [RawToken]
    let dialect: SQLDialect

    func verdict() -> Verdict {
        if let unterminated = tokens.first(where: { $0.isKind(.unterminated) }) {
            return .rejected(
                reason: "the SQL ends inside an unterminated \(describeUnterminated(unterminated))",
                position: unterminated.start)
        }
        let start = statementStart()
        if let rejection = checkStart(start) { return rejection }
        let isExplain = keyword(at: start.first) == "EXPLAIN"
        let startsWithWith = keyword(at: start.main) == "WITH"
        let denyList = FunctionDenyList.forDialect(dialect)
        for index in tokens.indices {
            let token = tokens[index]
            switch token.kind {
            case .word:
                if let word = keyword(at: index),
                    let rejection = checkWord(word, at: index, isExplain: isExplain, startsWithWith: startsWithWith)
                {
                    return rejection
                }
                if let rejection = checkCall(at: index, denyList: denyList) { return rejection }
            case .quotedIdentifier:
                if let rejection = checkCall(at: index, denyList: denyList) { return rejection }
            case .string:
                if dialect == .postgres, let rejection = checkBackslashQuote(token) { return rejection }
            default:
                continue
            }
        }
        return .allowed
    }

    // MARK: The statement's first keyword

    /// Where the statement's own keyword is (`first`), and, after EXPLAIN and its options, the keyword
    /// of the statement it explains (`main`).
    private func statementStart() -> (first: Int, main: Int) {
        var index = skipOpeningParentheses(from: 0)
        let first = index
        guard keyword(at: index) == "EXPLAIN" else { return (first, first) }
        index += 1
        switch dialect {
        case .sqlite:
            if keyword(at: index) == "QUERY", keyword(at: index + 1) == "PLAN" { index += 2 }
        case .postgres:
            if isSymbol(at: index, "(") { index = matchingParenthesis(from: index) + 1 }
            while let word = keyword(at: index), word == "ANALYZE" || word == "ANALYSE" || word == "VERBOSE" {
                index += 1
            }
            index = skipOpeningParentheses(from: index)
        }
        return (first, index)
    }

    private func checkStart(_ start: (first: Int, main: Int)) -> Verdict? {
        let allowed = StatementPolicy.readStarts(dialect)
        for index in start.first == start.main ? [start.first] : [start.first, start.main] {
            guard index < tokens.count else {
                return .rejected(reason: "the statement stops before saying what to run", position: nil)
            }
            let word = keyword(at: index)
            if let word, allowed.contains(word), index == start.first || word != "EXPLAIN" { continue }
            let shown = word.map(\.description) ?? text(of: tokens[index], limit: 30)
            let reason: String
            if let word, StatementPolicy.forbiddenWords.contains(word) || StatementPolicy.dataModifying.contains(word) {
                reason = "\(word) is not allowed: datachat only reads"
            } else {
                reason = "\(shown) is not allowed: datachat only runs queries that begin with \(allowedList)"
            }
            return .rejected(reason: reason, position: tokens[index].start)
        }
        return nil
    }

    private var allowedList: String {
        switch dialect {
        case .sqlite: "SELECT, WITH, VALUES or EXPLAIN"
        case .postgres: "SELECT, WITH, VALUES, TABLE or EXPLAIN"
        }
    }

    // MARK: Words anywhere in the statement

    private func checkWord(_ word: Keyword, at index: Int, isExplain: Bool, startsWithWith: Bool) -> Verdict? {
        // `t.set`, `o.comment`: a qualified name is a column, never a command.
        if index > 0, isSymbol(at: index - 1, ".") { return nil }
        let position = tokens[index].start
        if word == Self.forKeyword, let lock = rowLock(after: index) {
            return .rejected(
                reason: "FOR \(lock) is not allowed: it locks rows, and datachat only reads", position: position)
        }
        if word == Self.replaceKeyword {
            // replace(text, from, to) is an everyday function; REPLACE INTO is a write.
            return isSymbol(at: index + 1, "(")
                ? nil
                : .rejected(
                    reason: "REPLACE is not allowed: datachat only reads", position: position)
        }
        guard StatementPolicy.forbiddenWords.contains(word) else { return nil }
        let reason: String
        switch word {
        case "INTO":
            reason = "SELECT ... INTO is not allowed: it creates a table, and datachat only reads"
        case _ where isExplain && (word == "ANALYZE" || word == "ANALYSE"):
            reason = "EXPLAIN \(word) is not allowed: it runs the statement; use EXPLAIN alone"
        case _ where startsWithWith && StatementPolicy.dataModifying.contains(word):
            reason = "\(word) is not allowed: a WITH clause that writes still writes, and datachat only reads"
        default:
            let name = word.description.lowercased()
            reason = "\(word) is not allowed: datachat only reads (a column named \(name) must be quoted: \"\(name)\")"
        }
        return .rejected(reason: reason, position: position)
    }

    /// The lock a `FOR` at `index` asks for (UPDATE, NO KEY UPDATE, SHARE, KEY SHARE), if it is one;
    /// `substring(x FROM 1 FOR 3)` is not.
    private func rowLock(after index: Int) -> String? {
        switch keyword(at: index + 1) {
        case "UPDATE": "UPDATE"
        case "SHARE": "SHARE"
        case "NO" where keyword(at: index + 2) == "KEY" && keyword(at: index + 3) == "UPDATE": "NO KEY UPDATE"
        case "KEY" where keyword(at: index + 2) == "SHARE": "KEY SHARE"
        default: nil
        }
    }

    // MARK: Function calls

    /// Refuses a call of a denied function: a name (unquoted, quoted, U&-escaped, schema-qualified or
    /// not) followed by an opening parenthesis.
    private func checkCall(at index: Int, denyList: FunctionDenyList) -> Verdict? {
        var next = index + 1
        var escape = UInt8(ascii: "\\")
        if dialect == .postgres, tokens[index].isKind(.quotedIdentifier), keyword(at: next) == "UESCAPE",
            next + 1 < tokens.count, tokens[next + 1].isKind(.string)
        {
            let literal = tokens[next + 1]
            if literal.end - literal.start == 3 { escape = bytes[literal.start + 1] }
            next += 2
        }
        guard isSymbol(at: next, "(") else { return nil }
        let name = IdentifierName.decode(bytes[tokens[index].start..<tokens[index].end], escape: escape)
        guard let harm = denyList.harm(of: name) else { return nil }
        return .rejected(reason: "\(name)() is not allowed: \(harm.rawValue)", position: tokens[index].start)
    }

    // MARK: Strings

    /// In a PostgreSQL '...' string, `\'` ends the string when standard_conforming_strings is on (the
    /// default) and escapes the quote when it is off: text the guard would read one way and a server
    /// another. Such strings are refused; E'...' strings say what they mean.
    private func checkBackslashQuote(_ token: RawToken) -> Verdict? {
        guard bytes[token.start] == UInt8(ascii: "'") else { return nil }
        var backslashes = 0
        for position in (token.start + 1)..<token.end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "'"), backslashes % 2 == 1 {
                return .rejected(
                    reason:
                        "a backslash before a quote in a string is read differently by different servers: "
                        + "double the quote ('') or write an E'...' string",
                    position: token.start)
            }
            backslashes = byte == UInt8(ascii: "\\") ? backslashes + 1 : 0
        }
        return nil
    }

    // MARK: Token helpers

    /// Keywords compared on every word, built once rather than from a literal each time.
    private static let forKeyword: Keyword = "FOR"
    private static let replaceKeyword: Keyword = "REPLACE"

    /// The upper-cased unquoted word at `index` when it is short enough to be a keyword, else nil.
    @inline(__always) func keyword(at index: Int) -> Keyword? {
        guard index < tokens.count, tokens[index].isKind(.word) else { return nil }
        return Keyword(bytes, tokens[index].start..<tokens[index].end)
    }

    @inline(__always) private func isSymbol(at index: Int, _ character: Unicode.Scalar) -> Bool {
        guard index < tokens.count, tokens[index].isKind(.symbol) else { return false }
        return tokens[index].end - tokens[index].start == 1 && bytes[tokens[index].start] == UInt8(ascii: character)
    }

    private func skipOpeningParentheses(from start: Int) -> Int {
        var index = start
        while dialect == .postgres, isSymbol(at: index, "(") { index += 1 }
        return index
    }

    /// The index of the `)` closing the `(` at `open`, or the last token when it is never closed.
    private func matchingParenthesis(from open: Int) -> Int {
        var depth = 0
        for index in open..<tokens.count {
            if isSymbol(at: index, "(") { depth += 1 }
            if isSymbol(at: index, ")") {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return tokens.count - 1
    }

    private func text(of token: RawToken, limit: Int) -> String {
        "\"" + String(decoding: bytes[token.start..<min(token.end, token.start + limit)], as: UTF8.self) + "\""
    }

    private func describeUnterminated(_ token: RawToken) -> String {
        switch bytes[token.start] {
        case UInt8(ascii: "-"), UInt8(ascii: "/"): "comment"
        case UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "["): "quoted identifier"
        default: "string"
        }
    }
}
