import Basics
import Databases

#if canImport(Glibc)
    import Glibc
#endif

/// Turns values into the text each format shows.
public enum ValueFormatter {
    /// The text of a value in a text cell; nil for NULL, which each format shows its own way.
    public static func text(_ value: DatabaseValue) -> String? {
        switch value {
        case .null: return nil
        case .integer(let integer): return String(integer)
        case .real(let real): return format(real)
        case .boolean(let flag): return flag ? "true" : "false"
        case .blob(let bytes): return DatabaseValue.byteaHex(bytes)
        case .array(let items): return "{" + items.map(arrayElement).joined(separator: ",") + "}"
        case .text(let string), .numeric(let string), .date(let string), .time(let string),
            .timestamp(let string), .timestampWithTimeZone(let string), .interval(let string), .uuid(let string),
            .json(let string):
            return string
        }
    }

    /// An element as PostgreSQL's array output writes it: quoted when it holds a delimiter, brace, quote,
    /// backslash or space, or could be read as NULL, so `{"a,b",c}` stays two elements.
    static func arrayElement(_ value: DatabaseValue) -> String {
        if case .array = value { return text(value) ?? "NULL" }
        guard let element = text(value) else { return "NULL" }
        let needsQuotes =
            element.isEmpty || element.uppercased() == "NULL"
            || element.contains { $0 == "," || $0 == "{" || $0 == "}" || $0 == "\"" || $0 == "\\" || $0.isWhitespace }
        guard needsQuotes else { return element }
        var quoted = "\""
        for character in element {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// Fifteen significant digits, as SQLite's shell prints: sums of money show as 1234.5, not 1234.4999999999998.
    public static func format(_ real: Double) -> String {
        if real.isNaN { return "NaN" }
        if real.isInfinite { return real < 0 ? "-Infinity" : "Infinity" }
        guard real != 0 else { return real.sign == .minus ? "-0.0" : "0.0" }
        let magnitude = log10(abs(real)).rounded(.down)
        guard abs(magnitude) < 290 else { return String(real) }
        let scale = pow(10, 14 - magnitude)
        let rounded = (real * scale).rounded() / scale
        return String(rounded.isFinite ? rounded : real)
    }

    /// True for values a table aligns to the right.
    public static func isNumeric(_ value: DatabaseValue) -> Bool {
        switch value {
        case .integer, .real, .numeric: return true
        default: return false
        }
    }

    /// A value as JSON: numbers and booleans native, JSON columns embedded, everything else a string.
    public static func json(_ value: DatabaseValue) -> String {
        switch value {
        case .null: return "null"
        case .integer(let integer): return String(integer)
        case .real(let real): return real.isFinite ? format(real) : JSONText.quoted(format(real))
        case .numeric(let text): return isJSONNumber(text) ? text : JSONText.quoted(text)
        case .boolean(let flag): return flag ? "true" : "false"
        case .json(let text): return text
        case .array(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        default: return JSONText.quoted(text(value) ?? "")
        }
    }

    /// True when `text` (an exact decimal) is also a JSON number; NaN and Infinity are not. Reads bytes, not
    /// Characters: this runs for every numeric value of a streamed result.
    private static func isJSONNumber(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, first == UInt8(ascii: "-") || (first >= 48 && first <= 57),
            utf8.last != UInt8(ascii: ".")
        else { return false }
        return utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+")
        }
    }
}
