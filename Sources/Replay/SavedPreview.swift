import Databases
import History

/// The first rows of a saved result, read back from the CSV the store keeps (`result_preview`), so a
/// transcript or export shows a table without touching the database.
public struct SavedPreview: Sendable {
    public var result: QueryResult
    /// Rows the query returned when it was saved; more than `result.rows.count` when the preview is cut.
    public var savedRowCount: Int

    /// Nil when the message kept no preview (it did not run, or failed).
    public init?(_ message: MessageRecord) {
        guard let csv = message.resultPreview, let rowCount = message.rowCount else { return nil }
        var reader = CSVReader(bytes: Array(csv.utf8))
        let header = reader.nextRecord()
        var rows: [[DatabaseValue]] = []
        while let record = reader.nextRecord() { rows.append(record.map(Self.typed)) }
        let names = message.columns ?? header?.map { $0.stringValue ?? "" } ?? []
        // A result with no rows and one column renders its header alone; an empty CSV is no columns at all.
        result = QueryResult(columns: names.map { Column(name: $0) }, rows: rows, truncated: rowCount > rows.count)
        savedRowCount = rowCount
    }

    /// The CSV keeps text only: a cell written as a number becomes a `numeric` value of the same text, so a
    /// table aligns it as it did when the turn ran, and its text (all a check compares) is unchanged.
    static func typed(_ value: DatabaseValue) -> DatabaseValue {
        guard case .text(let text) = value, let first = text.first, first.isASCII,
            first.isNumber || (first == "-" && text.count > 1),
            !text.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }), Double(text) != nil
        else { return value }
        return .numeric(text)
    }

    /// The preview holds every row the query returned, so it can stand for the whole saved result.
    public var isComplete: Bool { result.rows.count == savedRowCount }
}
