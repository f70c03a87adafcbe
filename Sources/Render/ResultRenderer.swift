import Databases

/// Prints a result in one format, row by row where the format allows.
///
/// Streaming formats (csv, tsv, json, jsonl) write each row as it arrives, so a million-row answer
/// needs no memory for rows; the aligned formats hold rows until `finish` to measure their columns.
/// A streamed row is written from its `RowText` as bytes, with one write to the output a row.
public final class ResultRenderer {
    /// Settable until `finish`: a session learns only at the end of a table whether it will go through
    /// a pager, where it needs no fitting to the window's width.
    public var options: RenderOptions
    private let output: TextOutput
    private var columns: [Column] = []
    private var rows: [[DatabaseValue]] = []
    /// The streamed formats' lines, their state in one value: a row costs one exclusive access to this class's
    /// properties (a runtime check each) rather than one per property.
    private var streamed = StreamedLines()
    /// The text of rows given without it (`add(row:)`).
    private var rowText = RowText()

    public init(options: RenderOptions, output: TextOutput) {
        self.options = options
        self.output = output
    }

    /// Renders a whole result at once.
    public static func render(_ result: QueryResult, options: RenderOptions, to output: TextOutput) {
        let renderer = ResultRenderer(options: options, output: output)
        renderer.begin(columns: result.columns)
        for row in result.rows { renderer.add(row: row) }
        renderer.finish(truncated: result.truncated)
    }

    public func begin(columns: [Column]) {
        self.columns = columns
        streamed.begin(columns: columns, format: options.format, to: output)
    }

    /// Adds a row, formatting its text here; a caller that has the text already passes it to `add(row:text:)`.
    public func add(row: [DatabaseValue]) {
        if options.format.isStreamed { rowText.set(row) }
        add(row: row, text: rowText)
    }

    /// Adds a row whose `text` was made from it (`RowText.set`), so the history's hash and this output share it.
    public func add(row: [DatabaseValue], text: borrowing RowText) {
        if !streamed.add(row: row, text: text, to: output) { rows.append(row) }
    }

    /// Ends the output; `truncated` says the row cap cut the result, which the table footer mentions.
    public func finish(truncated: Bool = false) {
        switch options.format {
        case .json: output.write(streamed.count == 0 ? "]\n" : "\n]\n")
        case .table:
            let table = TableLayout(columns: columns, rows: rows, options: options)
            if table.fits {
                table.write(to: output, truncated: truncated)
            } else {
                // Wider than the window: one record a block, as psql's `\x auto`, with the table's footer.
                writeExpanded()
                if options.showRowCount, !rows.isEmpty {
                    output.write(TableLayout.footer(rows: rows.count, truncated: truncated) + "\n")
                }
            }
        case .expanded: writeExpanded()
        case .markdown: writeMarkdown()
        default: break
        }
        output.flush()
    }

    private func writeExpanded() {
        let nameWidth = columns.map { DisplayWidth.of($0.name) }.max() ?? 0
        let style = TextStyle(enabled: options.color)
        for (index, row) in rows.enumerated() {
            let header = "-[ RECORD \(index + 1) ]"
            let ruleWidth = max(header.count, min(options.terminalWidth ?? 40, 40))
            output.write(header + String(repeating: "-", count: max(0, ruleWidth - header.count)) + "\n")
            for (column, value) in zip(columns, row) {
                let pad = String(repeating: " ", count: nameWidth - DisplayWidth.of(column.name))
                let text = ValueFormatter.text(value).map(TableLayout.visible) ?? style.dim("NULL")
                output.write(style.bold(column.name) + pad + " | " + text + "\n")
            }
        }
        if rows.isEmpty { output.write("(0 rows)\n") }
    }

    private func writeMarkdown() {
        func cell(_ text: String) -> String {
            TableLayout.visible(text).replacingAll("|", with: "\\|")
        }
        output.write("| " + columns.map { cell($0.name) }.joined(separator: " | ") + " |\n")
        let alignments = columns.indices.map { index in
            rows.contains { ValueFormatter.isNumeric($0[index]) } ? "---:" : "---"
        }
        output.write("| " + alignments.joined(separator: " | ") + " |\n")
        for row in rows {
            output.write("| " + row.map { ValueFormatter.text($0).map(cell) ?? "" }.joined(separator: " | ") + " |\n")
        }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
