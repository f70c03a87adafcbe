import Basics
import Databases

/// Prints a result in one format, row by row where the format allows.
///
/// Streaming formats (csv, tsv, json, jsonl) write each row as it arrives, so a million-row answer
/// needs no memory for rows; the aligned formats hold rows until `finish` to measure their columns.
public final class ResultRenderer {
    /// Settable until `finish`: a session learns only at the end of a table whether it will go through
    /// a pager, where it needs no fitting to the window's width.
    public var options: RenderOptions
    private let output: TextOutput
    private var columns: [Column] = []
    /// Each column's name as a JSON key with its colon, quoted once rather than once a row.
    private var jsonKeys: [String] = []
    private var rows: [[DatabaseValue]] = []
    private var rowCount = 0

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
        jsonKeys = columns.map { JSONText.quoted($0.name) + ":" }
        switch options.format {
        case .csv: output.write(columns.map { csvField($0.name) }.joined(separator: ",") + "\n")
        case .tsv: output.write(columns.map { tsvField($0.name) }.joined(separator: "\t") + "\n")
        case .json: output.write("[")
        default: break
        }
    }

    public func add(row: [DatabaseValue]) {
        defer { rowCount += 1 }
        switch options.format {
        case .csv:
            // Piece by piece into the output's buffer: no line string is built per row.
            for (index, value) in row.enumerated() {
                if index > 0 { output.write(",") }
                if let text = ValueFormatter.text(value) { output.write(csvField(text)) }
            }
            output.write("\n")
        case .tsv:
            output.write(row.map { ValueFormatter.text($0).map(tsvField) ?? "" }.joined(separator: "\t") + "\n")
        case .json:
            output.write((rowCount == 0 ? "\n" : ",\n") + jsonObject(row))
        case .jsonl:
            output.write(jsonObject(row) + "\n")
        case .table, .expanded, .markdown:
            rows.append(row)
        }
    }

    /// Ends the output; `truncated` says the row cap cut the result, which the table footer mentions.
    public func finish(truncated: Bool = false) {
        switch options.format {
        case .json: output.write(rowCount == 0 ? "]\n" : "\n]\n")
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

    private func jsonObject(_ row: [DatabaseValue]) -> String {
        var text = "{"
        for (index, value) in row.enumerated() {
            if index > 0 { text += "," }
            text += jsonKeys[index]
            text += ValueFormatter.json(value)
        }
        return text + "}"
    }

    private func csvField(_ text: String) -> String {
        guard
            text.utf8.contains(where: {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
                    || $0 == UInt8(ascii: "\r")
            }) || text.isEmpty
        else {
            return text
        }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted += "\"" }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// PostgreSQL's text COPY escapes, so a tab or newline inside a value cannot split it.
    private func tsvField(_ text: String) -> String {
        guard
            text.utf8.contains(where: {
                $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
                    || $0 == UInt8(ascii: "\\")
            })
        else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\\": escaped += "\\\\"
            default: escaped.append(character)
            }
        }
        return escaped
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
