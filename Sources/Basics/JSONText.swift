/// JSON written by hand where an encoder would be too much (one string inside a line of output).
public enum JSONText {
    /// `text` as a JSON string literal, quotes included (RFC 8259 section 7: `"`, `\` and control
    /// characters escaped, everything else as it is).
    public static func quoted(_ text: String) -> String {
        var text = text
        var quoted = ByteBuffer(capacity: text.utf8.count + 2)
        text.withUTF8 { appendQuoted($0, to: &quoted) }
        return quoted.text
    }

    /// The UTF-8 text `bytes` as a JSON string literal, appended to `output`. Byte by byte: every byte that
    /// needs an escape is ASCII, and no byte of a multi-byte character is below 0x80.
    @inlinable
    public static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer) {
        output.append(UInt8(ascii: "\""))
        // Most values need no escape: check the bytes once and copy them whole.
        guard needsEscapes(bytes) else {
            output.append(bytes)
            output.append(UInt8(ascii: "\""))
            return
        }
        appendEscaped(bytes, to: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// True when a byte of `bytes` is a control, a quote or a backslash; a letter or digit takes two comparisons.
    @inlinable
    static func needsEscapes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte <= UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
        }
        return false
    }

    /// The escaping loop, for the rare text that needs it: out of line, so the common case inlines small.
    @usableFromInline
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case UInt8(ascii: "\n"):
                output.append(UInt8(ascii: "\\"))
                output.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"):
                output.append(UInt8(ascii: "\\"))
                output.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"):
                output.append(UInt8(ascii: "\\"))
                output.append(UInt8(ascii: "t"))
            case 0..<0x20:
                // A control byte is below 0x20: its first hex digit is 0 or 1.
                output.append(byte < 0x10 ? "\\u000" : "\\u001")
                output.append(HexDigits.digit(byte & 0x0F))
            default: output.append(byte)
            }
        }
    }
}
