#if canImport(Glibc)
    import Glibc
#endif

/// One bound parameter as libpq takes it: text for every value but bytes, which go in binary so that
/// no escaping is involved. The server infers each parameter's type from where it is used.
struct PostgresParameter {
    let pointer: UnsafeMutablePointer<CChar>?
    let length: Int32
    let format: Int32
    let type: UInt32

    init(_ value: DatabaseValue) {
        switch value {
        case .null:
            self.init(text: nil)
        case .blob(let bytes):
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(bytes.count, 1))
            bytes.withUnsafeBytes { source in
                if let base = source.baseAddress { memcpy(buffer, base, bytes.count) }
            }
            self.init(pointer: buffer, length: Int32(bytes.count), format: 1, type: PostgresTypes.byteaOID)
        default:
            self.init(text: PostgresParameter.text(value))
        }
    }

    private init(pointer: UnsafeMutablePointer<CChar>?, length: Int32, format: Int32, type: UInt32) {
        self.pointer = pointer
        self.length = length
        self.format = format
        self.type = type
    }

    private init(text: String?) {
        if let text {
            let utf8 = Array(text.utf8)
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: utf8.count + 1)
            utf8.withUnsafeBytes { source in
                if let base = source.baseAddress { memcpy(buffer, base, utf8.count) }
            }
            buffer[utf8.count] = 0
            self.init(pointer: buffer, length: Int32(utf8.count), format: 0, type: 0)
        } else {
            self.init(pointer: nil, length: 0, format: 0, type: 0)
        }
    }

    func free() {
        pointer?.deallocate()
    }

    /// The value in PostgreSQL's text input syntax.
    static func text(_ value: DatabaseValue) -> String? {
        switch value {
        case .null: return nil
        case .integer(let integer): return String(integer)
        case .real(let real):
            if real.isNaN { return "NaN" }
            if real.isInfinite { return real < 0 ? "-Infinity" : "Infinity" }
            return String(real)
        case .boolean(let flag): return flag ? "true" : "false"
        case .blob(let bytes): return DatabaseValue.byteaHex(bytes)
        case .array(let items): return arrayLiteral(items)
        case .text(let s), .numeric(let s), .date(let s), .time(let s), .timestamp(let s),
            .timestampWithTimeZone(let s), .interval(let s), .uuid(let s), .json(let s):
            return s
        }
    }

    /// `{1,"two",NULL}`: every element quoted, so commas, braces and quotes inside values stay inside.
    static func arrayLiteral(_ items: [DatabaseValue]) -> String {
        var output = "{"
        for (index, item) in items.enumerated() {
            if index > 0 { output += "," }
            if case .array(let nested) = item {
                output += arrayLiteral(nested)
                continue
            }
            guard let text = text(item) else {
                output += "NULL"
                continue
            }
            output += "\""
            for character in text {
                if character == "\"" || character == "\\" { output += "\\" }
                output.append(character)
            }
            output += "\""
        }
        return output + "}"
    }
}
