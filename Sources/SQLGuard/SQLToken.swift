/// One lexical unit of SQL text, with where it starts.
public struct SQLToken: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable {
        /// A keyword or an unquoted identifier: the engine matches these without regard to case.
        case word
        /// `"name"`, `U&"name"`, and SQLite's `` `name` `` and `[name]`: never a keyword.
        case quotedIdentifier
        /// `'text'`, `E'text'`, `U&'text'`, `X'00'`'s quoted part, and PostgreSQL's `$tag$text$tag$`.
        case string
        case number
        /// `?`, `?1`, `:name`, `@name`, `$name` (SQLite) and `$1` (PostgreSQL).
        case parameter
        case comment
        case whitespace
        case semicolon
        /// Any other single character: operators and punctuation.
        case symbol
        /// A string, identifier or comment that the input ends inside.
        case unterminated
    }

    public let kind: Kind
    public let text: Substring
    /// Offset in UTF-8 bytes from the start of the input.
    public let offset: Int

    public init(kind: Kind, text: Substring, offset: Int) {
        self.kind = kind
        self.text = text
        self.offset = offset
    }
}

/// A token as byte offsets into the input: what the guard works on, so checking never copies text.
struct RawToken: Sendable, Hashable {
    var kind: SQLToken.Kind
    var start: Int
    var end: Int

    /// `kind == other` without the generic `Equatable` call the compiler leaves in the hot loops.
    @inline(__always) func isKind(_ other: SQLToken.Kind) -> Bool {
        kind.rawValue == other.rawValue
    }
}
