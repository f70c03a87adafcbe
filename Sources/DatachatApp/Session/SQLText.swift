/// SQL as the line editor needs it: on one line, and whether it is still open at the end of a line.
///
/// A plain scan of quotes and comments, the same for both dialects: it only decides where a line
/// ends, never what runs (the guard does that).
enum SQLText {
    private enum State {
        case code, single, double, lineComment, blockComment
    }

    /// `sql` on one line with the same meaning: newlines become spaces, and a `--` comment, which would
    /// swallow everything joined after it, becomes a `/* */` one.
    static func oneLine(_ sql: String) -> String {
        var result = ""
        var state = State.code
        var previous: Character = " "
        for character in sql {
            switch state {
            case .code:
                if character == "-", previous == "-" {
                    result.removeLast()
                    result += "/*"
                    state = .lineComment
                } else {
                    if character == "'" { state = .single }
                    if character == "\"" { state = .double }
                    if character == "*", previous == "/" { state = .blockComment }
                    result.append(character.isNewline ? " " : character)
                }
            case .lineComment:
                if character.isNewline {
                    result += " */ "
                    state = .code
                } else {
                    // "*/" inside the comment would end it early.
                    result.append(character == "/" && previous == "*" ? " /" : String(character))
                }
            case .single, .double, .blockComment:
                if state == .single, character == "'" { state = .code }
                if state == .double, character == "\"" { state = .code }
                if state == .blockComment, character == "/", previous == "*" { state = .code }
                result.append(character.isNewline ? " " : character)
            }
            previous = state == .code && character == "-" && previous == "-" ? " " : character
        }
        if state == .lineComment { result += " */" }
        return result.trimmedLine()
    }

    /// An unclosed quote, quoted identifier, block comment or parenthesis: the SQL goes on on the next
    /// line. Quotes and parentheses inside comments do not count.
    static func isOpen(_ sql: String) -> Bool {
        var state = State.code
        var depth = 0
        var previous: Character = " "
        for character in sql {
            switch state {
            case .code:
                if character == "'" { state = .single }
                if character == "\"" { state = .double }
                if character == "-", previous == "-" { state = .lineComment }
                if character == "*", previous == "/" { state = .blockComment }
                if character == "(" { depth += 1 }
                if character == ")" { depth -= 1 }
            case .single: if character == "'" { state = .code }
            case .double: if character == "\"" { state = .code }
            case .lineComment: if character.isNewline { state = .code }
            case .blockComment: if character == "/", previous == "*" { state = .code }
            }
            previous = character == previous && (character == "-" || character == "*") ? " " : character
        }
        return state == .single || state == .double || state == .blockComment || depth > 0
    }
}
