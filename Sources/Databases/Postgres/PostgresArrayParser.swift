/// Reads PostgreSQL's array output (`{1,2,NULL}`, `{{"a b","c\"d"},{e,f}}`, `[0:1]={x,y}`) into nested
/// `DatabaseValue.array`s.
///
/// https://www.postgresql.org/docs/15/arrays.html#ARRAYS-IO
struct PostgresArrayParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let delimiter: UInt8
    private var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    /// The array, with each element's text decoded by `element`; nil when the text is not an array literal.
    mutating func parse(element: (String) -> DatabaseValue) -> DatabaseValue? {
        if bytes.first == UInt8(ascii: "[") {
            // Explicit bounds: skip `[lower:upper]...=`.
            while index < bytes.count, bytes[index] != UInt8(ascii: "=") { index += 1 }
            index += 1
        }
        return parseArray(element)
    }

    private mutating func parseArray(_ element: (String) -> DatabaseValue) -> DatabaseValue? {
        skipSpaces()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var items: [DatabaseValue] = []
        while true {
            skipSpaces()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "}"):
                index += 1
                return .array(items)
            case UInt8(ascii: "{"):
                guard let nested = parseArray(element) else { return nil }
                items.append(nested)
            case UInt8(ascii: "\""):
                index += 1
                var text: [UInt8] = []
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                    text.append(bytes[index])
                    index += 1
                }
                index += 1
                items.append(element(String(decoding: text, as: UTF8.self)))
            default:
                let start = index
                while index < bytes.count, bytes[index] != delimiter, bytes[index] != UInt8(ascii: "}") { index += 1 }
                var end = index
                while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                items.append(text.uppercased() == "NULL" ? .null : element(text))
            }
            skipSpaces()
            guard index < bytes.count else { return nil }
            if bytes[index] == delimiter { index += 1 }
        }
    }

    private mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
    }
}
