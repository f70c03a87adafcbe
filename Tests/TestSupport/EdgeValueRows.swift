import Databases

/// Rows of the values a rewrite of the streamed formats or the history's hashes could get wrong: NULLs, quotes,
/// separators and newlines inside text, control characters, unicode, blobs, integers at their limits, exact
/// decimals, arrays, and reals of every kind (tiny, huge, integral, negative zero, infinite, not a number).
public enum EdgeValueRows {
    public static let columns = ["i", "t", "r", "b", "x", "n", "o"].map { Column(name: $0) }

    public static let rows: [[DatabaseValue]] = [
        [
            .integer(.max), .text("naïve, \"quoted\"\nline"), .real(0.1 + 0.2), .boolean(true), .blob([0, 255, 16]),
            .numeric("123456789012345678901234567890.5"), .null,
        ],
        [
            .integer(.min), .text("日本🙂"), .real(-1e-300), .boolean(false), .blob([]), .numeric("NaN"), .text(""),
        ],
        [
            .integer(0), .text("tab\there\r\n"), .real(1e20), .null, .null, .date("2020-01-01"),
            .array([.integer(1), .text("a b"), .null, .text("q\"")]),
        ],
        [
            .integer(-1), .text("back\\slash"), .real(123456789.125), .timestamp("2020-01-01 00:00:00"),
            .uuid("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), .json("{\"a\":[1,2]}"), .real(.infinity),
        ],
        [
            .integer(7), .text("\u{1F}\u{0}ctl"), .real(2.0), .interval("1 day"), .real(-0.0), .real(.nan),
            .real(1234567.8900000001),
        ],
        [.null, .null, .null, .null, .null, .null, .null],
    ]

    public static var result: QueryResult { QueryResult(columns: columns, rows: rows) }
}
