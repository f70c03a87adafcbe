/// What of the database may leave the machine in a prompt (`--share`, `DATACHAT_SHARE`); each level
/// adds to the one before. docs/SHARING.md shows a prompt excerpt of each.
public enum SharingLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Table and column names, types and keys; no comment, note, value or row.
    case none
    /// Also the owner's comments and the table notes.
    case schema
    /// Also a few distinct values of low-cardinality columns and the range of date and numeric ones.
    case values
    /// Also the first rows of earlier results, for follow-ups.
    case rows

    public static let `default` = SharingLevel.values

    public static func < (a: SharingLevel, b: SharingLevel) -> Bool {
        a.rank < b.rank
    }

    private var rank: Int {
        switch self {
        case .none: 0
        case .schema: 1
        case .values: 2
        case .rows: 3
        }
    }

    /// A database error as the model may read it: under `none` and `schema`, an error that quotes text
    /// the query did not hold (a cell's value, as in `invalid input syntax for type integer: "12,5"`) is
    /// cut to its kind, before the quote. Names the model wrote itself are kept, so a repair still sees
    /// `no such column: "amount_typo"`.
    public func modelFacing(error message: String, sql: String) -> String {
        guard self < .values else { return message }
        var output = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(where: { $0 == "\"" || $0 == "'" }) {
            let quote = rest[open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: quote) else { break }
            let quoted = after[..<close]
            if !quoted.isEmpty && sql.contains(quoted) {
                output += rest[...close]
                rest = after[after.index(after: close)...]
                continue
            }
            output += rest[..<open]
            return Self.kind(output)
        }
        return output + rest
    }

    /// The text before a cut-off quote, without the `:` or `at` that introduced it.
    private static func kind(_ text: String) -> String {
        var kind = Substring(text)
        while let last = kind.last, last == " " || last == ":" || last == "=" || last == "(" { kind.removeLast() }
        for word in [" at or near", " near", " at", " for", " of"] where kind.hasSuffix(word) {
            kind.removeLast(word.count)
        }
        return kind.isEmpty ? "the query failed" : String(kind) + " (the value is withheld by the sharing setting)"
    }
}
