/// Hand-written JSON for the hot path.
///
/// The replies are a few fixed shapes; writing them as text skips building a Foundation object graph
/// and serializing it on every request and every streamed delta.
enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    /// `text` quoted, or `null` when absent.
    static func quotedOrNull(_ text: String?) -> String {
        text.map(quoted) ?? "null"
    }
}
