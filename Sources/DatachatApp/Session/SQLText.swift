import Basics
import SQLGuard

/// SQL as the line editor needs it: on one line, and whether it is still open at the end of a line.
///
/// Read with the guard's tokenizer, so what counts as a quote, a quoted name or a comment is the
/// engine's rule in both places; it only decides where a line ends, never what runs (the guard does that).
enum SQLText {
    /// `sql` on one line with the same meaning: newlines become spaces, and a `--` comment, which would
    /// swallow everything joined after it, becomes a `/* */` one.
    static func oneLine(_ sql: String, dialect: SQLDialect) -> String {
        var result = ""
        for token in SQLTokenizer(dialect: dialect).tokenize(sql) {
            if token.kind == .comment, token.text.hasPrefix("--") {
                // "*/" inside the comment would end it early.
                result += "/*" + token.text.dropFirst(2).replacing("*/", with: "* /") + " */"
            } else {
                result += String(token.text.map { $0.isNewline ? " " : $0 })
            }
        }
        return result.trimmed()
    }

    /// An unclosed quote, quoted name, block comment or parenthesis: the SQL goes on on the next line.
    /// Quotes and parentheses inside comments and strings do not count.
    static func isOpen(_ sql: String, dialect: SQLDialect) -> Bool {
        var depth = 0
        for token in SQLTokenizer(dialect: dialect).tokenize(sql) {
            switch token.kind {
            case .unterminated: return true
            case .symbol where token.text == "(": depth += 1
            case .symbol where token.text == ")": depth -= 1
            default: continue
            }
        }
        return depth > 0
    }
}
