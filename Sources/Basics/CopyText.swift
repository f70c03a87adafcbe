/// PostgreSQL's text COPY escapes: backslash, tab, newline and carriage return written as `\\`, `\t`, `\n`, `\r`,
/// so a value can hold any of them without splitting its row. The data `COPY ... FROM STDIN` reads and datachat's
/// TSV output share them; the rows `COPY ... TO STDOUT` sends (`PostgresDatabase`'s bulk reads) are read back.
///
/// https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.2
public enum CopyText {
    /// The UTF-8 text `bytes`, escaped, appended to `output`. Most values need no escape: the bytes are checked
    /// once and copied whole.
    @inlinable
    public static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer) {
        let needsEscapes = bytes.contains {
            $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\\")
        }
        guard needsEscapes else {
            output.append(bytes)
            return
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\t"): output.append("\\t")
            case UInt8(ascii: "\n"): output.append("\\n")
            case UInt8(ascii: "\r"): output.append("\\r")
            case UInt8(ascii: "\\"): output.append("\\\\")
            default: output.append(byte)
            }
        }
    }

    /// The text the escaped value `bytes` stands for, appended to `output`, read as `COPY ... FROM` reads it:
    /// `\b \f \n \r \t \v`, octal `\ooo` (one to three digits) and hex `\xhh` (one or two); any other
    /// byte after a backslash stands for itself. (The server writes only the single-letter escapes and `\\`.)
    public static func appendUnescaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < bytes.count else {
                output.append(byte)
                continue
            }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "b"): output.append(8)
            case UInt8(ascii: "f"): output.append(12)
            case UInt8(ascii: "n"): output.append(10)
            case UInt8(ascii: "r"): output.append(13)
            case UInt8(ascii: "t"): output.append(9)
            case UInt8(ascii: "v"): output.append(11)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = UInt32(escaped - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3, index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[index]) {
                    value = value * 8 + UInt32(bytes[index] - UInt8(ascii: "0"))
                    index += 1
                    digits += 1
                }
                output.append(UInt8(truncatingIfNeeded: value))
            case UInt8(ascii: "x"):
                guard index < bytes.count, var value = HexDigits.value(bytes[index]) else {
                    output.append(escaped)
                    continue
                }
                index += 1
                if index < bytes.count, let low = HexDigits.value(bytes[index]) {
                    value = value * 16 + low
                    index += 1
                }
                output.append(value)
            default: output.append(escaped)
            }
        }
    }
}
