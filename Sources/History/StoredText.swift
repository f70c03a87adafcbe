import Databases

extension DatabaseValue {
    /// The stand-in for NUL in stored text: U+2400 SYMBOL FOR NULL, shown as ␀.
    public static let nulStandIn: Unicode.Scalar = "\u{2400}"

    /// Text as the store keeps it, the same on both engines: a NUL character becomes ␀ (U+2400).
    ///
    /// PostgreSQL's `text` cannot hold NUL and libpq passes parameters as C strings, so a question with one
    /// was cut at it there while SQLite kept it whole. The stand-in keeps the rest of the text and shows
    /// where the NUL was.
    static func storedText(_ text: String) -> DatabaseValue {
        guard text.unicodeScalars.contains("\0") else { return .text(text) }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.map { $0 == "\0" ? nulStandIn : $0 })
        return .text(String(scalars))
    }

    static func optionalStored(_ text: String?) -> DatabaseValue {
        text.map(storedText) ?? .null
    }
}
