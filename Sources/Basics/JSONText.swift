/// JSON written by hand where an encoder would be too much (one string inside a line of output).
public enum JSONText {
    /// `text` as a JSON string literal, quotes included (RFC 8259 section 7: `"`, `\\` and control
    /// characters escaped, everything else as it is).
    public static func quoted(_ text: String) -> String {
        var text = text
        var quoted: [UInt8] = []
        text.withUTF8 { appendQuoted($0, to: &quoted) }
        return String(decoding: quoted, as: UTF8.self)
    }

    /// The UTF-8 text `bytes` as a JSON string literal, appended to `output`. Byte by byte: every byte that
    /// needs an escape is ASCII, and no byte of a multi-byte character is below 0x80.
    public static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most values need no escape: check the bytes once and copy them whole.
        guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            output.append(contentsOf: bytes)
            output.append(UInt8(ascii: "\""))
            return
        }
        let hex = Array("0123456789abcdef".utf8)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                output.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
