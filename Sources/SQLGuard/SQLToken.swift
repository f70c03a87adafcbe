/// One lexical unit of SQL text, with where it starts.
public struct SQLToken: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word
        case quotedIdentifier
        case string
        case number
        case parameter
        case comment
        case whitespace
        case semicolon
        case symbol
        /// A string, identifier or comment that the input ends inside.
        case unterminated
    }

    public let kind: Kind
    public let text: Substring
    /// Offset in UTF-8 bytes from the start of the input.
    public let offset: Int
}
