/// Splits SQL into tokens the way the engine's own lexer does, so that keywords inside strings,
/// comments and quoted identifiers never count and nothing hides from the guard inside one.
///
/// Where the two lexers could disagree (PostgreSQL's `--` comment also ends at a carriage return,
/// `$` continues an identifier, `1delete` is a number then a word) this follows the engine. It works
/// on UTF-8 bytes and never traps, whatever the input.
///
/// https://www.postgresql.org/docs/current/sql-syntax-lexical.html
/// https://www.sqlite.org/lang_keywords.html
public struct SQLTokenizer: Sendable {
    public let dialect: SQLDialect

    public init(dialect: SQLDialect) {
        self.dialect = dialect
    }

    /// Every token of `sql`, whitespace and comments included; their texts join back into `sql`.
    public func tokenize(_ sql: String) -> [SQLToken] {
        let bytes = Array(sql.utf8)
        let utf8 = sql.utf8
        var index = utf8.startIndex
        var offset = 0
        return scan(bytes).map { token in
            // Token boundaries fall on ASCII bytes or the end, so they are always scalar boundaries.
            let from = utf8.index(index, offsetBy: token.start - offset)
            let to = utf8.index(from, offsetBy: token.end - token.start)
            index = to
            offset = token.end
            return SQLToken(kind: token.kind, text: sql[from..<to], offset: token.start)
        }
    }

    /// The tokens of `bytes` as offsets; without `trivia`, whitespace and comments are left out.
    func scan(_ bytes: [UInt8], trivia: Bool = true) -> [RawToken] {
        bytes.withUnsafeBufferPointer { scan($0, trivia: trivia) }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, trivia: Bool) -> [RawToken] {
        var tokens: [RawToken] = []
        tokens.reserveCapacity(bytes.count / (trivia ? 3 : 6))
        var index = 0
        while index < bytes.count {
            let start = index
            let kind = scanToken(bytes, &index)
            // Every branch consumes at least one byte; this keeps the loop finite if one ever did not.
            if index <= start { index = start + 1 }
            let token = RawToken(kind: kind, start: start, end: min(index, bytes.count))
            if !trivia, token.isKind(.whitespace) || token.isKind(.comment) { continue }
            tokens.append(token)
        }
        return tokens
    }

    private func scanToken(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> SQLToken.Kind {
        let byte = bytes[index]
        let next = peek(bytes, index + 1)
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            return .whitespace
        case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
            // PostgreSQL ends a line comment at \r too; SQLite only at \n.
            while index < bytes.count, bytes[index] != 0x0A, !(dialect == .postgres && bytes[index] == 0x0D) {
                index += 1
            }
            return .comment
        case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
            return scanBlockComment(bytes, &index)
        case UInt8(ascii: "'"):
            return scanQuoted(bytes, &index, quote: UInt8(ascii: "'"), backslashEscapes: false, as: .string)
        case UInt8(ascii: "\""):
            return scanQuoted(bytes, &index, quote: UInt8(ascii: "\""), backslashEscapes: false, as: .quotedIdentifier)
        case UInt8(ascii: "`") where dialect == .sqlite:
            return scanQuoted(bytes, &index, quote: UInt8(ascii: "`"), backslashEscapes: false, as: .quotedIdentifier)
        case UInt8(ascii: "[") where dialect == .sqlite:
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "]") { index += 1 }
            guard index < bytes.count else { return .unterminated }
            index += 1
            return .quotedIdentifier
        case UInt8(ascii: ";"):
            index += 1
            return .semicolon
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            scanNumber(bytes, &index)
            return .number
        case UInt8(ascii: ".") where next.map(isDigit) == true:
            scanNumber(bytes, &index)
            return .number
        case UInt8(ascii: "$") where dialect == .postgres:
            return scanDollar(bytes, &index)
        case UInt8(ascii: "?"):
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            return dialect == .sqlite ? .parameter : .symbol
        case UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "$"):
            // SQLite's named parameters; in PostgreSQL ':' and '@' are operator characters.
            guard dialect == .sqlite, let next, isWordStart(next) || isDigit(next) else {
                index += 1
                return .symbol
            }
            index += 1
            while index < bytes.count, isWordContinuation(bytes[index]) { index += 1 }
            return .parameter
        case let letter where letter | 0x20 == UInt8(ascii: "e") && dialect == .postgres && next == UInt8(ascii: "'"):
            index += 1
            return scanQuoted(bytes, &index, quote: UInt8(ascii: "'"), backslashEscapes: true, as: .string)
        case let letter
        where letter | 0x20 == UInt8(ascii: "u") && dialect == .postgres && next == UInt8(ascii: "&")
            && (peek(bytes, index + 2) == UInt8(ascii: "'") || peek(bytes, index + 2) == UInt8(ascii: "\"")):
            index += 2
            let quote = bytes[index]
            return scanQuoted(
                bytes, &index, quote: quote, backslashEscapes: false,
                as: quote == UInt8(ascii: "'") ? .string : .quotedIdentifier)
        default:
            if isWordStart(byte) {
                index += 1
                while index < bytes.count, isWordContinuation(bytes[index]) { index += 1 }
                return .word
            }
            index += 1
            return .symbol
        }
    }

    /// `/* ... */`, nested in PostgreSQL (each `/*` needs its own `*/`), not in SQLite.
    private func scanBlockComment(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> SQLToken.Kind {
        var depth = 1
        index += 2
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "*"), peek(bytes, index + 1) == UInt8(ascii: "/") {
                index += 2
                depth -= 1
                if depth == 0 { return .comment }
            } else if dialect == .postgres, bytes[index] == UInt8(ascii: "/"),
                peek(bytes, index + 1) == UInt8(ascii: "*")
            {
                index += 2
                depth += 1
            } else {
                index += 1
            }
        }
        return .unterminated
    }

    /// A quoted run ending at `quote`, where a doubled quote stands for itself; with `backslashEscapes`
    /// (PostgreSQL's E'' strings) a backslash also escapes the byte after it.
    private func scanQuoted(
        _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, quote: UInt8, backslashEscapes: Bool,
        as kind: SQLToken.Kind
    ) -> SQLToken.Kind {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if backslashEscapes, byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == quote {
                if peek(bytes, index + 1) == quote {
                    index += 2
                    continue
                }
                index += 1
                return kind
            }
            index += 1
        }
        index = bytes.count
        return .unterminated
    }

    /// Digits with an optional fraction and exponent, or PostgreSQL 16's 0x/0o/0b integers; `_`
    /// separates digit groups. What follows (`1delete`) is a new token, as in both engines.
    private func scanNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        if bytes[index] == UInt8(ascii: "0"), let radix = peek(bytes, index + 1).map({ $0 | 0x20 }),
            radix == UInt8(ascii: "x") || radix == UInt8(ascii: "o") || radix == UInt8(ascii: "b"),
            let first = peek(bytes, index + 2), isHexDigit(first)
        {
            index += 2
            while index < bytes.count, isHexDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") { index += 1 }
            return
        }
        while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") { index += 1 }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            var look = index + 1
            if look < bytes.count, bytes[look] == UInt8(ascii: "+") || bytes[look] == UInt8(ascii: "-") { look += 1 }
            if look < bytes.count, isDigit(bytes[look]) {
                index = look
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
        }
    }

    /// PostgreSQL's `$1` parameter or `$tag$ ... $tag$` string; a lone `$` is a symbol.
    private func scanDollar(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> SQLToken.Kind {
        let start = index
        index += 1
        if index < bytes.count, isDigit(bytes[index]) {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            return .parameter
        }
        // The tag: an identifier without '$', possibly empty.
        var tagEnd = index
        if tagEnd < bytes.count, isWordStart(bytes[tagEnd]) {
            tagEnd += 1
            while tagEnd < bytes.count, isWordContinuation(bytes[tagEnd]), bytes[tagEnd] != UInt8(ascii: "$") {
                tagEnd += 1
            }
        }
        guard tagEnd < bytes.count, bytes[tagEnd] == UInt8(ascii: "$") else {
            index = start + 1
            return .symbol
        }
        let delimiter = bytes[start...tagEnd]
        index = tagEnd + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + delimiter.count <= bytes.count,
                bytes[index..<(index + delimiter.count)].elementsEqual(delimiter)
            {
                index += delimiter.count
                return .string
            }
            index += 1
        }
        return .unterminated
    }

    @inline(__always) private func peek(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }
}

@inline(__always) func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}

@inline(__always) func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
}

/// Letters, underscore, and every byte of a multi-byte UTF-8 character (both engines allow those).
@inline(__always) func isWordStart(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte == UInt8(ascii: "_") || byte >= 0x80
}

/// Both engines let `$` and digits continue an identifier: `a$b` is one name, not a dollar quote.
@inline(__always) func isWordContinuation(_ byte: UInt8) -> Bool {
    isWordStart(byte) || isDigit(byte) || byte == UInt8(ascii: "$")
}
