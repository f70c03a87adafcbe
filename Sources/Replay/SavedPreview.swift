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
        while let record = reader.nextRecord() { rows.append(record) }
        let names = message.columns ?? header?.map { $0.stringValue ?? "" } ?? []
        // A result with no rows and one column renders its header alone; an empty CSV is no columns at all.
        result = QueryResult(columns: names.map { Column(name: $0) }, rows: rows, truncated: rowCount > rows.count)
        savedRowCount = rowCount
    }

    /// The preview holds every row the query returned, so it can stand for the whole saved result.
    public var isComplete: Bool { result.rows.count == savedRowCount }
}
