/// Splits SQL into tokens so that keywords inside strings, comments and quoted identifiers never count.
///
/// Works on UTF-8 bytes and never traps, whatever the input.
public struct SQLTokenizer: Sendable {
    public let dialect: SQLDialect

    public init(dialect: SQLDialect) {
        self.dialect = dialect
    }

    public func tokenize(_ sql: String) -> [SQLToken] {
        let bytes = Array(sql.utf8)
        var tokens: [SQLToken] = []
        var index = 0
        func text(_ start: Int, _ end: Int) -> Substring {
            let utf8 = sql.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: start)
            let to = utf8.index(utf8.startIndex, offsetBy: end)
            return sql[from..<to]
        }
        while index < bytes.count {
            let start = index
            let byte = bytes[index]
            let kind: SQLToken.Kind
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                kind = .whitespace
            case UInt8(ascii: "-") where peek(bytes, index + 1) == UInt8(ascii: "-"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                kind = .comment
            case UInt8(ascii: "/") where peek(bytes, index + 1) == UInt8(ascii: "*"):
                kind = scanBlockComment(bytes, &index)
            case UInt8(ascii: "'"):
                kind = scanQuoted(bytes, &index, quote: UInt8(ascii: "'"), as: .string)
            case UInt8(ascii: "\""):
                kind = scanQuoted(bytes, &index, quote: UInt8(ascii: "\""), as: .quotedIdentifier)
            case UInt8(ascii: "`") where dialect == .sqlite:
                kind = scanQuoted(bytes, &index, quote: UInt8(ascii: "`"), as: .quotedIdentifier)
            case UInt8(ascii: "[") where dialect == .sqlite:
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "]") { index += 1 }
                if index < bytes.count {
                    index += 1
                    kind = .quotedIdentifier
                } else {
                    kind = .unterminated
                }
            case UInt8(ascii: ";"):
                index += 1
                kind = .semicolon
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                while index < bytes.count, isWordByte(bytes[index]) || bytes[index] == UInt8(ascii: ".") { index += 1 }
                kind = .number
            case UInt8(ascii: "?"), UInt8(ascii: "$"), UInt8(ascii: "@"):
                guard index + 1 < bytes.count, isWordByte(bytes[index + 1]) else {
                    index += 1
                    kind = .symbol
                    break
                }
                index += 1
                while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
                kind = .parameter
            default:
                if isWordByte(byte) {
                    while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
                    kind = .word
                } else {
                    index += 1
                    kind = .symbol
                }
            }
            tokens.append(SQLToken(kind: kind, text: text(start, index), offset: start))
        }
        return tokens
    }

    private func scanBlockComment(_ bytes: [UInt8], _ index: inout Int) -> SQLToken.Kind {
        var depth = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), peek(bytes, index + 1) == UInt8(ascii: "*") {
                if depth > 0 && dialect == .sqlite {
                    index += 2
                    continue
                }
                depth += 1
                index += 2
            } else if bytes[index] == UInt8(ascii: "*"), peek(bytes, index + 1) == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return .comment }
            } else {
                index += 1
            }
        }
        return .unterminated
    }

    private func scanQuoted(_ bytes: [UInt8], _ index: inout Int, quote: UInt8, as kind: SQLToken.Kind)
        -> SQLToken.Kind
    {
        index += 1
        while index < bytes.count {
            if bytes[index] == quote {
                if peek(bytes, index + 1) == quote {
                    index += 2
                    continue
                }
                index += 1
                return kind
            }
            index += 1
        }
        return .unterminated
    }

    private func peek(_ bytes: [UInt8], _ index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Letters, digits, underscore, and every byte of a multi-byte UTF-8 character.
    private func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte >= 0x80
    }
}
