import Databases

/// A result read as a chart: the labels (or x positions) of its first column and one series per number
/// column, with the kind of chart that fits them.
public struct ChartData: Sendable, Hashable {
    /// One number column: its name and a value per row (nil for NULL, drawn as a gap or an empty bar).
    public struct Series: Sendable, Hashable {
        public var name: String
        public var values: [Double?]
        /// The values as the result printed them, so a bar's label is exact, not a rounding.
        public var texts: [String?]
    }

    /// What the first column holds: words for a bar chart's labels, or positions along a line chart's x axis.
    public enum Axis: Sendable, Hashable {
        case labels
        /// Seconds since 1970 (UTC).
        case time([Double])
        case numbers([Double])
    }

    /// `bar` or `line`, never `auto`.
    public var kind: ChartKind
    public var labelName: String
    /// The first column's text in each row ("NULL" where it had none).
    public var labels: [String]
    public var axis: Axis
    public var series: [Series]
    /// Rows of the result beyond those drawn (a bar chart draws `maximumBars`).
    public var omittedRows: Int

    /// Bars beyond this many would not be read, only scrolled past.
    public static let maximumBars = 60

    /// Reads `rows` as `kind`; `auto` picks line for a time and numbers, bar for a label and a number.
    public static func make(columns: [Column], rows: [[DatabaseValue]], kind: ChartKind) throws(ChartRefusal)
        -> ChartData
    {
        guard columns.count >= 2 else {
            throw ChartRefusal(
                "a chart needs a label or time column and a number column; this result has \(columns.count)")
        }
        guard !rows.isEmpty else { throw ChartRefusal("no rows to chart") }
        let numberColumns = columns.indices.dropFirst().filter { index in isNumberColumn(rows.map { $0[index] }) }
        guard !numberColumns.isEmpty else {
            throw ChartRefusal("no number column after the first one (\(columns[0].name)) to chart")
        }
        let first = rows.map { $0[0] }
        let times = timePositions(first)
        let numbers = isNumberColumn(first) ? first.map(number) : nil
        let resolved: ChartKind
        switch kind {
        case .bar: resolved = .bar
        case .line:
            guard times != nil || numbers != nil else {
                throw ChartRefusal(
                    "a line chart needs dates, times or numbers in its first column (\(columns[0].name))")
            }
            guard rows.count >= 2 else {
                throw ChartRefusal("a line chart needs at least two rows; this result has one")
            }
            resolved = .line
        case .auto:
            resolved = times != nil && rows.count >= 2 ? .line : .bar
        }
        let axis: Axis
        if resolved == .bar {
            axis = .labels
        } else if let times {
            axis = .time(times)
        } else {
            axis = .numbers(numbers?.map { $0 ?? 0 } ?? [])
        }
        // A bar chart shows one number per label; a line chart a line per number column.
        let drawn = resolved == .bar ? [numberColumns[0]] : numberColumns
        let shownRows = resolved == .bar ? Array(rows.prefix(maximumBars)) : rows
        let series = drawn.map { index in
            Series(
                name: columns[index].name, values: shownRows.map { number($0[index]) },
                texts: shownRows.map { ValueFormatter.text($0[index]) })
        }
        return ChartData(
            kind: resolved, labelName: columns[0].name,
            labels: shownRows.map { ValueFormatter.text($0[0]) ?? "NULL" }, axis: axis, series: series,
            omittedRows: rows.count - shownRows.count)
    }

    /// The number a value charts as; nil for NULL and for anything that is not a finite number.
    static func number(_ value: DatabaseValue) -> Double? {
        switch value {
        case .integer(let integer): return Double(integer)
        case .real(let real): return real.isFinite ? real : nil
        case .numeric(let text): return Double(text).flatMap { $0.isFinite ? $0 : nil }
        default: return nil
        }
    }

    /// True when every value that is not NULL is a number, and at least one is.
    static func isNumberColumn(_ values: [DatabaseValue]) -> Bool {
        var sawNumber = false
        for value in values {
            switch value {
            case .null: continue
            case .integer, .real, .numeric: sawNumber = true
            default: return false
            }
        }
        return sawNumber
    }

    /// Positions in time when every value is a date or time (typed, or ISO text as SQLite keeps it), in order.
    static func timePositions(_ values: [DatabaseValue]) -> [Double]? {
        var positions: [Double] = []
        positions.reserveCapacity(values.count)
        for value in values {
            switch value {
            case .date(let text), .timestamp(let text), .timestampWithTimeZone(let text), .text(let text):
                guard let seconds = CalendarTime.seconds(text) else { return nil }
                positions.append(seconds)
            default: return nil
            }
        }
        return positions
    }

    /// The chart's heading: the question when there is one, else "series by label".
    public func title(question: String?) -> String {
        if let question, !question.isEmpty { return question }
        return series.map(\.name).joined(separator: ", ") + " by " + labelName
    }
}
