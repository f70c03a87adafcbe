import Databases

/// The rows of the last result, held for a chart: up to `limit` of them, so a million-row answer costs a
/// chart no memory; a result past the limit is marked and not charted.
public final class ChartRows {
    /// More points than a window or a page has pixels for; the table stays the way to read more rows.
    public static let limit = 10_000

    public private(set) var columns: [Column] = []
    public private(set) var rows: [[DatabaseValue]] = []
    /// True once the result had more than `limit` rows: `rows` was emptied and stays empty.
    public private(set) var overflowed = false
    /// The question the rows answer (the chart's title), when there was one.
    public private(set) var question: String?
    private var expectedQuestion: String?

    public init() {}

    /// The question of the turn about to run: the next result's title (nil: SQL typed directly).
    public func expect(question: String?) {
        expectedQuestion = question
    }

    /// Starts a new result, forgetting the last one; it answers the question last expected, if any.
    public func begin(columns: [Column]) {
        self.columns = columns
        question = expectedQuestion
        expectedQuestion = nil
        rows = []
        overflowed = false
    }

    /// Keeps `row`; returns false when the result has just gone past the limit (the rows are dropped).
    @discardableResult
    public func add(_ row: [DatabaseValue]) -> Bool {
        guard !overflowed else { return false }
        guard rows.count < Self.limit else {
            overflowed = true
            rows = []
            return false
        }
        rows.append(row)
        return true
    }

    /// Why a result past the limit is not charted.
    public static let tooManyRows = "the result has more than \(limit) rows; aggregate it to chart it"

    /// The chart of these rows, or why there is none.
    public func chart(_ kind: ChartKind) throws(ChartRefusal) -> ChartData {
        guard !overflowed else {
            throw ChartRefusal(Self.tooManyRows)
        }
        guard !columns.isEmpty else { throw ChartRefusal("no result to chart yet") }
        return try ChartData.make(columns: columns, rows: rows, kind: kind)
    }
}
