import Basics

/// How a value's text (libpq's text format) becomes a `DatabaseValue`.
enum PostgresDecoding: Sendable, Hashable {
    case integer
    case numeric
    case real
    case boolean
    case text
    case bytea
    case date
    case time
    case timestamp
    case timestampWithTimeZone
    case interval
    case uuid
    case json
    /// An array literal whose elements have type `element`, separated by `delimiter` (`,` but for `box`).
    case array(element: UInt32, delimiter: UInt8)
}

/// A type as result columns show it: its `format_type` name and how its values decode.
struct PostgresType: Sendable, Hashable {
    var name: String
    var decoding: PostgresDecoding
}

/// The types a connection can decode: the built-in ones by OID, and the database's own (enums, domains,
/// extension types, arrays of them) read once from `pg_type`.
///
/// https://www.postgresql.org/docs/15/catalog-pg-type.html
struct PostgresTypes {
    static let byteaOID: UInt32 = 17

    private var catalogue: [UInt32: PostgresType] = [:]
    /// True when a result had a type the catalogue did not know: it is read again before the next query.
    var isStale = false

    static let builtin: [UInt32: PostgresType] = {
        var types: [UInt32: PostgresType] = [:]
        let scalars: [(UInt32, String, PostgresDecoding, UInt32?)] = [
            (16, "boolean", .boolean, 1000), (17, "bytea", .bytea, 1001), (18, "\"char\"", .text, 1002),
            (19, "name", .text, 1003), (20, "bigint", .integer, 1016), (21, "smallint", .integer, 1005),
            (23, "integer", .integer, 1007), (24, "regproc", .text, 1008), (25, "text", .text, 1009),
            (26, "oid", .integer, 1028), (114, "json", .json, 199), (142, "xml", .text, 143),
            (700, "real", .real, 1021), (701, "double precision", .real, 1022), (790, "money", .text, 791),
            (1042, "character", .text, 1014), (1043, "character varying", .text, 1015), (1082, "date", .date, 1182),
            (1083, "time without time zone", .time, 1183), (1114, "timestamp without time zone", .timestamp, 1115),
            (1184, "timestamp with time zone", .timestampWithTimeZone, 1185), (1186, "interval", .interval, 1187),
            (1266, "time with time zone", .time, 1270), (1700, "numeric", .numeric, 1231),
            (2950, "uuid", .uuid, 2951), (3802, "jsonb", .json, 3807), (869, "inet", .text, 1041),
            (650, "cidr", .text, 651), (829, "macaddr", .text, 1040), (1560, "bit", .text, 1561),
            (1562, "bit varying", .text, 1563), (3614, "tsvector", .text, 3643), (2205, "regclass", .text, 2210),
            (2206, "regtype", .text, 2211), (705, "unknown", .text, nil), (2249, "record", .text, 2287),
            (28, "xid", .text, 1011), (3220, "pg_lsn", .text, 3221), (600, "point", .text, 1017),
        ]
        for (oid, name, decoding, arrayOID) in scalars {
            types[oid] = PostgresType(name: name, decoding: decoding)
            if let arrayOID {
                types[arrayOID] = PostgresType(
                    name: name + "[]", decoding: .array(element: oid, delimiter: UInt8(ascii: ",")))
            }
        }
        return types
    }()

    /// The database's own types that are not row types of tables; small even on a big catalogue.
    static let catalogueQuery = """
        SELECT t.oid, format_type(t.oid, NULL), t.typtype, t.typelem, t.typdelim, t.typbasetype, t.typcategory
        FROM pg_catalog.pg_type t
        WHERE t.oid >= 16384 AND t.typtype IN ('b', 'd', 'e', 'r', 'm')
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.oid = t.typelem AND e.typtype = 'c')
        """

    func type(_ oid: UInt32) -> PostgresType? {
        Self.builtin[oid] ?? catalogue[oid]
    }

    /// Replaces the database's own types with the rows of `catalogueQuery`.
    mutating func load(_ rows: [[DatabaseValue]]) {
        struct Entry {
            var name: String
            var kind: String
            var element: UInt32
            var delimiter: UInt8
            var base: UInt32
            var category: String
        }
        var entries: [UInt32: Entry] = [:]
        for row in rows {
            guard row.count == 7, let oid = row[0].intValue.flatMap(UInt32.init(exactly:)) else { continue }
            entries[oid] = Entry(
                name: row[1].stringValue ?? "", kind: row[2].stringValue ?? "b",
                element: row[3].intValue.flatMap(UInt32.init(exactly:)) ?? 0,
                delimiter: row[4].stringValue?.utf8.first ?? UInt8(ascii: ","),
                base: row[5].intValue.flatMap(UInt32.init(exactly:)) ?? 0, category: row[6].stringValue ?? "")
        }
        func decoding(_ oid: UInt32, depth: Int) -> PostgresDecoding {
            if let known = Self.builtin[oid] { return known.decoding }
            guard depth < 8, let entry = entries[oid] else { return .text }
            switch entry.kind {
            case "d": return decoding(entry.base, depth: depth + 1)
            case "b" where entry.category == "A" && entry.element != 0:
                let delimiter =
                    Self.builtin[entry.element] != nil
                    ? UInt8(ascii: ",") : (entries[entry.element]?.delimiter ?? UInt8(ascii: ","))
                return .array(element: entry.element, delimiter: delimiter)
            default: return .text
            }
        }
        catalogue = [:]
        for (oid, entry) in entries {
            catalogue[oid] = PostgresType(name: entry.name, decoding: decoding(oid, depth: 0))
        }
        isStale = false
    }

    /// The column's type as `format_type` spells it, with the modifiers that matter to a reader:
    /// `numeric(12,2)`, `character varying(80)`.
    func columnTypeName(oid: UInt32, modifier: Int32) -> String {
        guard let type = type(oid) else { return "unknown" }
        guard modifier >= 4 else { return type.name }
        switch oid {
        case 1700:
            let value = modifier - 4
            return "numeric(\((value >> 16) & 0xFFFF),\(value & 0xFFFF))"
        case 1042, 1043:
            return "\(type.name)(\(modifier - 4))"
        default:
            return type.name
        }
    }

    /// Decodes the text of one non-NULL value whose column decodes as `decoding`.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, as decoding: PostgresDecoding) -> DatabaseValue {
        func text() -> String { String(decoding: bytes, as: UTF8.self) }
        switch decoding {
        case .integer: return Self.integer(bytes).map(DatabaseValue.integer) ?? .numeric(text())
        case .numeric: return .numeric(text())
        case .real: return .real(Self.real(bytes) ?? Self.real(text()))
        case .boolean: return .boolean(bytes.first == UInt8(ascii: "t"))
        case .text: return .text(text())
        case .bytea: return .blob(Self.bytea(bytes))
        case .date: return .date(text())
        case .time: return .time(text())
        case .timestamp: return .timestamp(text())
        case .timestampWithTimeZone: return .timestampWithTimeZone(text())
        case .interval: return .interval(text())
        case .uuid: return .uuid(text())
        case .json: return .json(text())
        case .array(let element, let delimiter):
            let elementDecoding = type(element)?.decoding ?? .text
            var parser = PostgresArrayParser(bytes: bytes, delimiter: delimiter)
            return parser.parse { elementText in
                var elementText = elementText
                return elementText.withUTF8 { decode($0, as: elementDecoding) }
            } ?? .text(text())
        }
    }

    /// A decimal integer without allocating; nil when it is not one (or overflows).
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty else { return nil }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < bytes.count else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative
                ? shifted.subtractingReportingOverflow(Int64(digit)) : shifted.addingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// A plain decimal (`-12.5`, `125000`: what float8 output is for most values) read without making a `String`,
    /// or nil for any other spelling (an exponent, NaN, Infinity, more than 15 digits), which `real(_: String)`
    /// reads. Exact by Clinger's fast path: with at most 15 digits the digits are an integer N below 2^53 and the
    /// scale 10^k (k <= 15) is a double too, so N / 10^k, one correctly rounded division, is the double nearest
    /// the decimal, which is what `Double(String)` returns (`PostgresTypesTests` compares them).
    static func real(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index = 1 }
        var digits: UInt64 = 0
        var digitCount = 0
        var fractionDigits = 0
        var seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            digits = digits * 10 + UInt64(digit)
            digitCount += 1
            if seenPoint { fractionDigits += 1 }
            guard digitCount <= 15 else { return nil }
        }
        guard digitCount > 0 else { return nil }
        var scale = 1.0
        for _ in 0..<fractionDigits { scale *= 10 }
        let magnitude = Double(digits) / scale
        return negative ? -magnitude : magnitude
    }

    /// float4/float8 text, including PostgreSQL's NaN and Infinity spellings.
    static func real(_ text: String) -> Double {
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return Double(text) ?? .nan
        }
    }

    /// bytea in the hex format (`\x00ff`) or the older escape format (`\000\377`, `\\`).
    ///
    /// https://www.postgresql.org/docs/15/datatype-binary.html
    static func bytea(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        func nibble(_ byte: UInt8) -> UInt8 { HexDigits.value(byte) ?? 0 }
        var output: [UInt8] = []
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "x") {
            output.reserveCapacity((bytes.count - 2) / 2)
            var index = 2
            while index + 1 < bytes.count {
                output.append(nibble(bytes[index]) << 4 | nibble(bytes[index + 1]))
                index += 2
            }
            return output
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                if bytes[index + 1] == UInt8(ascii: "\\") {
                    output.append(byte)
                    index += 2
                    continue
                }
                if index + 3 < bytes.count {
                    let value =
                        (Int(bytes[index + 1]) - 48) * 64 + (Int(bytes[index + 2]) - 48) * 8 + Int(bytes[index + 3])
                        - 48
                    output.append(UInt8(truncatingIfNeeded: value))
                    index += 4
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        return output
    }
}
