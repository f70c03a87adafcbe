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
        case .blob(let bytes): return hex(bytes)
        case .array(let items): return "{" + items.map { text($0) ?? "NULL" }.joined(separator: ",") + "}"
        case .text(let string), .numeric(let string), .date(let string), .time(let string),
            .timestamp(let string), .timestampWithTimeZone(let string), .interval(let string), .uuid(let string),
            .json(let string):
            return string
        }
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

    /// PostgreSQL's bytea output: `\x` and two hex digits a byte.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        output.reserveCapacity(2 + bytes.count * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
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
        case .real(let real): return real.isFinite ? format(real) : jsonString(format(real))
        case .numeric(let text): return isJSONNumber(text) ? text : jsonString(text)
        case .boolean(let flag): return flag ? "true" : "false"
        case .json(let text): return text
        case .array(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        default: return jsonString(text(value) ?? "")
        }
    }

    /// `text` as a JSON string literal.
    public static func jsonString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    private static func isJSONNumber(_ text: String) -> Bool {
        guard let first = text.first, first == "-" || first.isNumber else { return false }
        return text.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" || $0 == "+" }
            && !text.hasSuffix(".")
    }
}
