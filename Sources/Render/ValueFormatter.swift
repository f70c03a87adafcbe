import Basics
import Databases

/// Turns values into the text each format shows.
public enum ValueFormatter {
    /// The text of a value in a text cell; nil for NULL, which each format shows its own way.
    public static func text(_ value: DatabaseValue) -> String? {
        var bytes = ByteBuffer()
        guard append(value, to: &bytes) != .null else { return nil }
        return bytes.text
    }

    /// Appends the value's text (nothing for NULL) to `bytes` and says how JSON shows it: the one place a
    /// value becomes text, for every format and the history's hashes alike.
    @discardableResult
    public static func append(_ value: DatabaseValue, to bytes: inout ByteBuffer) -> RowText.Kind {
        switch value {
        case .null:
            return .null
        case .integer(let integer):
            appendDecimal(integer, to: &bytes)
            return .number
        case .real(let real):
            RealText.append(real, to: &bytes)
            return real.isFinite ? .number : .string
        case .boolean(let flag):
            bytes.append(flag ? "true" : "false")
            return .number
        case .numeric(let text):
            bytes.append(text)
            return isJSONNumber(text) ? .number : .string
        case .json(let text):
            bytes.append(text)
            return .literal
        case .blob(let blob):
            bytes.append(DatabaseValue.byteaHex(blob))
            return .string
        case .array(let items):
            bytes.append(UInt8(ascii: "{"))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(arrayElement(item))
            }
            bytes.append(UInt8(ascii: "}"))
            return .array
        case .text(let string), .date(let string), .time(let string), .timestamp(let string),
            .timestampWithTimeZone(let string), .interval(let string), .uuid(let string):
            bytes.append(string)
            return .string
        }
    }

    /// The decimal digits of `integer`, as `String(integer)` spells them, without making that string: counted
    /// first, then written backwards in place (20 digits and a sign at most).
    static func appendDecimal(_ integer: Int64, to bytes: inout ByteBuffer) {
        var magnitude = integer.magnitude
        var length = integer < 0 ? 2 : 1
        var rest = magnitude
        while rest >= 10 {
            rest /= 10
            length += 1
        }
        bytes.append(maximum: length) { room in
            var index = length
            repeat {
                index -= 1
                room[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if integer < 0 { room[0] = UInt8(ascii: "-") }
            return length
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

    /// Fifteen significant digits, as SQLite's shell prints: sums of money show as 1234.5, not 1234.4999999999998
    /// (`RealText`).
    public static func format(_ real: Double) -> String {
        var bytes = ByteBuffer(capacity: 32)
        RealText.append(real, to: &bytes)
        return bytes.text
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
        if case .array(let items) = value { return "[" + items.map(json).joined(separator: ",") + "]" }
        var bytes = ByteBuffer()
        switch append(value, to: &bytes) {
        case .null: return "null"
        case .number, .literal: return bytes.text
        case .string, .array:
            var quoted = ByteBuffer()
            bytes.withBytes { JSONText.appendQuoted($0, to: &quoted) }
            return quoted.text
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
