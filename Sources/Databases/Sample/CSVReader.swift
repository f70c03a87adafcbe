/// Reads RFC 4180 CSV with PostgreSQL COPY's NULL convention: an empty unquoted field is NULL, `""` is
/// the empty string. That is the form of the bundled sample's data files.
public struct CSVReader {
    private let bytes: [UInt8]
    private var index = 0

    /// Bytes consumed so far.
    public var offset: Int { index }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next record, or nil at the end of the input.
    public mutating func nextRecord() -> [DatabaseValue]? {
        guard index < bytes.count else { return nil }
        var record: [DatabaseValue] = []
        while true {
            let (value, endOfRecord) = nextField()
            record.append(value)
            if endOfRecord { return record }
        }
    }

    private mutating func nextField() -> (DatabaseValue, endOfRecord: Bool) {
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            index += 1
            var field: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    index += 1
                    break
                }
                field.append(byte)
                index += 1
            }
            return (.text(String(decoding: field, as: UTF8.self)), endField())
        }
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "\n"),
            bytes[index] != UInt8(ascii: "\r")
        {
            index += 1
        }
        let value: DatabaseValue =
            index == start ? .null : .text(String(decoding: bytes[start..<index], as: UTF8.self))
        return (value, endField())
    }

    /// Consumes the delimiter after a field; true when it ended the record.
    private mutating func endField() -> Bool {
        guard index < bytes.count else { return true }
        switch bytes[index] {
        case UInt8(ascii: ","):
            index += 1
            return false
        case UInt8(ascii: "\r"):
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            return true
        case UInt8(ascii: "\n"):
            index += 1
            return true
        default:
            // Text after a closing quote: keep reading it as part of the record's next field.
            return false
        }
    }
}
