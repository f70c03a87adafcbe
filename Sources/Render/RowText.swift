import Basics
import Databases

/// One row's cells as the text every streamed format and the history's hashes start from, made once per row.
///
/// A million-row answer used to format each value twice (once for the hash, once for the output) and to make a
/// `String` of it each time; here every cell's text goes into one reused byte buffer, which the hash reads and
/// the CSV, TSV and JSON writers copy (quoting or escaping it as they go). Reuse one `RowText` for every row of
/// a result: `set(_:)` keeps the buffers' capacity, so a row costs no allocation. Noncopyable, as its buffer is:
/// consumers borrow it.
public struct RowText: ~Copyable {
    /// How a cell appears in JSON, which is the one format whose text is not the cell's display text alone.
    public enum Kind: Sendable {
        case null
        /// An integer, a finite real, a boolean or an exact decimal that is a JSON number: JSON takes the text as
        /// it is, and it holds no byte CSV quotes, so CSV copies it without looking.
        case number
        /// The text is a JSON value as it is (a json or jsonb column).
        case literal
        /// The text goes into JSON as a quoted string.
        case string
        /// An array, which JSON writes as an array of its elements rather than from its PostgreSQL text.
        case array
    }

    /// Every cell's display text (`ValueFormatter.text`), one after another.
    @usableFromInline private(set) var bytes = ByteBuffer()
    /// Each cell's kind and where its text ends in `bytes` (the cell before it ends where it starts): one array,
    /// so a cell costs one store besides its text.
    @usableFromInline private(set) var cells: [(end: Int, kind: Kind)] = []

    public init() {}

    /// Formats `row` into this buffer, replacing the row before.
    public mutating func set(_ row: [DatabaseValue]) {
        bytes.removeAll()
        // The rows of a result have one width: each cell's entry is written over the row before's, which costs
        // less than emptying the array and appending.
        if cells.count != row.count { cells = Array(repeating: (0, .null), count: row.count) }
        for index in row.indices {
            let kind = ValueFormatter.append(row[index], to: &bytes)
            cells[index] = (bytes.count, kind)
        }
    }

    public var count: Int { cells.count }

    /// Calls `body` with each cell's index, kind and text (empty for NULL), in order. Inlinable, so the history's
    /// hash in another module runs it without a call per cell.
    @inlinable
    public func forEachCell(_ body: (Int, Kind, UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withBytes { all in
            var start = 0
            for index in cells.indices {
                let cell = cells[index]
                body(index, cell.kind, UnsafeBufferPointer(rebasing: all[start..<cell.end]))
                start = cell.end
            }
        }
    }
}
