import Basics
import Databases

#if canImport(Glibc)
    import Glibc
#endif

/// Turns values into the text each format shows.
public enum ValueFormatter {
    /// The text of a value in a text cell; nil for NULL, which each format shows its own way.
    public static func text(_ value: DatabaseValue) -> String? {
        var bytes: [UInt8] = []
        guard append(value, to: &bytes) != .null else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the value's text (nothing for NULL) to `bytes` and says how JSON shows it: the one place a
    /// value becomes text, for every format and the history's hashes alike.
    @discardableResult
    public static func append(_ value: DatabaseValue, to bytes: inout [UInt8]) -> RowText.Kind {
        switch value {
        case .null:
            return .null
        case .integer(let integer):
            appendDecimal(integer, to: &bytes)
            return .literal
        case .real(let real):
            bytes.append(contentsOf: format(real).utf8)
            return real.isFinite ? .literal : .string
        case .boolean(let flag):
            bytes.append(contentsOf: (flag ? "true" : "false").utf8)
            return .literal
        case .numeric(let text):
            bytes.append(contentsOf: text.utf8)
            return isJSONNumber(text) ? .literal : .string
        case .json(let text):
            bytes.append(contentsOf: text.utf8)
            return .literal
        case .blob(let blob):
            bytes.append(contentsOf: DatabaseValue.byteaHex(blob).utf8)
            return .string
        case .array(let items):
            bytes.append(UInt8(ascii: "{"))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: arrayElement(item).utf8)
            }
            bytes.append(UInt8(ascii: "}"))
            return .array
        case .text(let string), .date(let string), .time(let string), .timestamp(let string),
            .timestampWithTimeZone(let string), .interval(let string), .uuid(let string):
            bytes.append(contentsOf: string.utf8)
            return .string
        }
    }

    /// The decimal digits of `integer`, as `String(integer)` spells them, without making that string: written
    /// backwards into a stack buffer (20 digits and a sign at most), then appended at once.
    static func appendDecimal(_ integer: Int64, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
            var start = digits.count
            var magnitude = integer.magnitude
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if integer < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
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
        if case .array(let items) = value { return "[" + items.map(json).joined(separator: ",") + "]" }
        var bytes: [UInt8] = []
        switch append(value, to: &bytes) {
        case .null: return "null"
        case .literal: return String(decoding: bytes, as: UTF8.self)
        case .string, .array:
            var quoted: [UInt8] = []
            bytes.withUnsafeBufferPointer { JSONText.appendQuoted($0, to: &quoted) }
            return String(decoding: quoted, as: UTF8.self)
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
