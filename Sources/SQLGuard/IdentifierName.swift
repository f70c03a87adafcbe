/// The name an identifier token stands for, as the engine resolves it, lower-cased for matching.
///
/// `"pg_sleep"`, `[load_extension]`, `` `readfile` `` and `U&"\0070g_sleep"` all name functions the
/// guard refuses, so names are compared after quotes and escapes are undone.
enum IdentifierName {
    /// With `preservingCase`, the name keeps the case it was written in: quoted names are case-sensitive
    /// in PostgreSQL, so a reference check must see `"PetType"` as written.
    static func decode(
        _ token: ArraySlice<UInt8>, escape: UInt8 = UInt8(ascii: "\\"), preservingCase: Bool = false
    ) -> String {
        let finish: ([UInt8]) -> String = { preservingCase ? String(decoding: $0, as: UTF8.self) : lowercased($0) }
        guard let first = token.first else { return "" }
        var body = token
        var unicodeEscapes = false
        if first | 0x20 == UInt8(ascii: "u"), token.dropFirst().first == UInt8(ascii: "&") {
            body = token.dropFirst(2)
            unicodeEscapes = true
        }
        guard let open = body.first, body.count >= 2 else { return finish(Array(token)) }
        let close: UInt8
        switch open {
        case UInt8(ascii: "\""): close = UInt8(ascii: "\"")
        case UInt8(ascii: "`"): close = UInt8(ascii: "`")
        case UInt8(ascii: "["): close = UInt8(ascii: "]")
        default: return finish(Array(token))
        }
        var inner = Array(body.dropFirst().dropLast())
        if close != UInt8(ascii: "]") { inner = undouble(inner, close) }
        if unicodeEscapes { inner = decodeUnicodeEscapes(inner, escape: escape) }
        return finish(inner)
    }

    private static func undouble(_ bytes: [UInt8], _ quote: UInt8) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            result.append(bytes[index])
            index += bytes[index] == quote && index + 1 < bytes.count && bytes[index + 1] == quote ? 2 : 1
        }
        return result
    }

    /// PostgreSQL's `\XXXX`, `\+XXXXXX` and doubled escape character.
    /// https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS-UESCAPE
    private static func decodeUnicodeEscapes(_ bytes: [UInt8], escape: UInt8) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == escape else {
                result.append(bytes[index])
                index += 1
                continue
            }
            if index + 1 < bytes.count, bytes[index + 1] == escape {
                result.append(escape)
                index += 2
                continue
            }
            let plus = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "+")
            let digitsStart = index + (plus ? 2 : 1)
            let digitCount = plus ? 6 : 4
            guard digitsStart + digitCount <= bytes.count,
                let value = UInt32(
                    String(decoding: bytes[digitsStart..<(digitsStart + digitCount)], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(value)
            else {
                result.append(bytes[index])
                index += 1
                continue
            }
            result.append(contentsOf: Array(String(Character(scalar)).utf8))
            index = digitsStart + digitCount
        }
        return result
    }

    private static func lowercased(_ bytes: [UInt8]) -> String {
        String(
            decoding: bytes.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self
        )
    }
}

extension SQLToken {
    /// The name a word or quoted identifier stands for, quotes and escapes undone and case kept; nil for
    /// other kinds. Whether the engine then folds its case is the caller's to decide (`kind` says if quoted).
    public var identifierText: String? {
        switch kind {
        case .word: String(text)
        case .quotedIdentifier: IdentifierName.decode(ArraySlice(Array(text.utf8)), preservingCase: true)
        default: nil
        }
    }
}
