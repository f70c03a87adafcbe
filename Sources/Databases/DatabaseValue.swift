import Basics

/// One value of a result row, shared by every engine so that rendering and history never see C types.
///
/// Exact types stay exact: `numeric` keeps PostgreSQL's decimal text and never passes through `Double`;
/// temporal values keep the engine's canonical text.
public enum DatabaseValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    /// An exact decimal, as the engine spelled it (PostgreSQL `numeric`).
    case numeric(String)
    case boolean(Bool)
    case text(String)
    case blob([UInt8])
    case date(String)
    case time(String)
    case timestamp(String)
    case timestampWithTimeZone(String)
    case interval(String)
    case uuid(String)
    /// JSON text, as stored (json and jsonb).
    case json(String)
    case array([DatabaseValue])

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension DatabaseValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(nilLiteral: ()) { self = .null }
}

extension DatabaseValue {
    /// PostgreSQL's bytea text form, `\x` and two hex digits a byte: how blobs are sent as parameters
    /// and shown in every text format.
    public static func byteaHex(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        output.reserveCapacity(2 + bytes.count * 2)
        for byte in bytes {
            output.append(HexDigits.digit(byte >> 4))
            output.append(HexDigits.digit(byte & 0x0F))
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A text parameter, or NULL when `value` is nil: what the history store binds.
    public static func optional(_ value: String?) -> DatabaseValue {
        value.map { .text($0) } ?? .null
    }

    public static func optional(_ value: Int?) -> DatabaseValue {
        value.map { .integer(Int64($0)) } ?? .null
    }

    public static func optional(_ value: Double?) -> DatabaseValue {
        value.map { .real($0) } ?? .null
    }

    /// The value as text when it is textual, for reading back rows we wrote ourselves.
    public var stringValue: String? {
        switch self {
        case .text(let s), .numeric(let s), .date(let s), .time(let s), .timestamp(let s),
            .timestampWithTimeZone(let s), .interval(let s), .uuid(let s), .json(let s):
            return s
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .boolean(let b): return b ? "true" : "false"
        case .null, .blob, .array: return nil
        }
    }

    public var intValue: Int? {
        switch self {
        case .integer(let i): return Int(i)
        case .real(let d): return Int(exactly: d)
        case .text(let s), .numeric(let s): return Int(s)
        default: return nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .real(let d): return d
        case .text(let s), .numeric(let s): return Double(s)
        default: return nil
        }
    }
}
