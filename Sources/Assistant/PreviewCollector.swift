import Basics
import Databases
import Render

/// Keeps the first rows of a result as CSV and hashes every row, for the history and for replay's check.
///
/// Two hashes: `hash` follows the rows in the order they came, as every store version recorded it;
/// `setHash` is the same for the same rows in any order, so a query without ORDER BY whose engine returns
/// its rows in another order is not taken for a changed answer.
public struct PreviewCollector {
    public let limit: Int
    public private(set) var csv = ""
    public private(set) var rowCount = 0
    private var fnv = FNV1a()
    private var columnsHash = FNV1a()
    /// The sum of every row's mixed hash: addition is order-blind, and counts a duplicate row twice.
    private var rowHashSum: UInt64 = 0
    private var renderer: ResultRenderer?
    private let output = StringOutput()

    public init(limit: Int) {
        self.limit = limit
    }

    public var hash: String { fnv.hexDigest }

    public var setHash: String {
        var combined = columnsHash
        for shift in stride(from: 0, to: 64, by: 8) { combined.add(UInt8(truncatingIfNeeded: rowHashSum >> shift)) }
        return combined.hexDigest
    }

    public mutating func begin(columns: [Column]) {
        let renderer = ResultRenderer(options: RenderOptions(format: .csv), output: output)
        renderer.begin(columns: columns)
        self.renderer = renderer
        for column in columns {
            fnv.add(column.name + "\u{1F}")
            columnsHash.add(column.name + "\u{1F}")
        }
    }

    /// Hashes a row and keeps it for the preview while there is room; `text` is the row's (`RowText.set`), made
    /// once and shared with the output.
    public mutating func add(_ row: [DatabaseValue], text: borrowing RowText) {
        // Each value's display text (NULL as a lone 0x00), unit-separated: the bytes the output prints, so the
        // hash costs no formatting of its own on a million-row answer.
        var rowHash = FNV1a()
        text.forEachCell { _, kind, cell in
            if kind == .null {
                fnv.add(0x00)
                rowHash.add(0x00)
            } else {
                FNV1a.add(cell, to: &fnv, and: &rowHash)
            }
            fnv.add(0x1F)
            rowHash.add(0x1F)
        }
        fnv.add(0x1E)
        rowHashSum &+= Self.mix(rowHash.value)
        rowCount += 1
        if rowCount <= limit {
            renderer?.add(row: row, text: text)
            csv = output.text
        }
    }

    /// SplitMix64's finaliser: spreads each row's hash over all 64 bits before the sum, so rows differing in
    /// a byte or two cannot cancel out in the addition.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
