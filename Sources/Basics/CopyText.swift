/// PostgreSQL's text COPY escapes: backslash, tab, newline and carriage return written as `\\`, `\t`, `\n`, `\r`,
/// so a value can hold any of them without splitting its row. The data `COPY ... FROM STDIN` reads and datachat's
/// TSV output share them.
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
}
