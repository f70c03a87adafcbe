import Basics
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
    /// Each column's name as a JSON key with its colon, quoted once rather than once a row.
    private var jsonKeys: [[UInt8]] = []
    private var rows: [[DatabaseValue]] = []
    private var rowCount = 0
    /// The text of rows given without it (`add(row:)`).
    private var rowText = RowText()
    /// One line of output, reused from row to row.
    private var line: [UInt8] = []

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
        jsonKeys = columns.map { Array((JSONText.quoted($0.name) + ":").utf8) }
        var header = RowText()
        header.set(columns.map { .text($0.name) })
        line.removeAll(keepingCapacity: true)
        switch options.format {
        case .csv: Self.appendCSV(header, to: &line)
        case .tsv: Self.appendTSV(header, to: &line)
        case .json: line.append(UInt8(ascii: "["))
        default: return
        }
        writeLine()
    }

    /// Adds a row, formatting its text here; a caller that has the text already passes it to `add(row:text:)`.
    public func add(row: [DatabaseValue]) {
        if options.format.isStreamed { rowText.set(row) }
        add(row: row, text: rowText)
    }

    /// Adds a row whose `text` was made from it (`RowText.set`), so the history's hash and this output share it.
    public func add(row: [DatabaseValue], text: RowText) {
        defer { rowCount += 1 }
        line.removeAll(keepingCapacity: true)
        switch options.format {
        case .csv: Self.appendCSV(text, to: &line)
        case .tsv: Self.appendTSV(text, to: &line)
        case .json:
            if rowCount > 0 { line.append(UInt8(ascii: ",")) }
            line.append(UInt8(ascii: "\n"))
            Self.appendJSONObject(row, text, keys: jsonKeys, to: &line)
        case .jsonl:
            Self.appendJSONObject(row, text, keys: jsonKeys, to: &line)
            line.append(UInt8(ascii: "\n"))
        case .table, .expanded, .markdown:
            rows.append(row)
            return
        }
        writeLine()
    }

    private func writeLine() {
        line.withUnsafeBufferPointer { output.write(utf8: $0) }
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

    /// RFC 4180: a field holding a comma, quote or line break, or an empty text (which NULL is not), is quoted,
    /// its quotes doubled.
    static func appendCSV(_ text: RowText, to line: inout [UInt8]) {
        text.forEachCell { index, kind, cell in
            if index > 0 { line.append(UInt8(ascii: ",")) }
            guard kind != .null else { return }
            let needsQuotes =
                cell.isEmpty
                || cell.contains {
                    $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
                        || $0 == UInt8(ascii: "\r")
                }
            guard needsQuotes else {
                line.append(contentsOf: cell)
                return
            }
            line.append(UInt8(ascii: "\""))
            for byte in cell {
                if byte == UInt8(ascii: "\"") { line.append(byte) }
                line.append(byte)
            }
            line.append(UInt8(ascii: "\""))
        }
        line.append(UInt8(ascii: "\n"))
    }

    /// PostgreSQL's text COPY escapes, so a tab or newline inside a value cannot split it; NULL is empty.
    static func appendTSV(_ text: RowText, to line: inout [UInt8]) {
        text.forEachCell { index, _, cell in
            if index > 0 { line.append(UInt8(ascii: "\t")) }
            for byte in cell {
                switch byte {
                case UInt8(ascii: "\t"): line.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case UInt8(ascii: "\n"): line.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): line.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case UInt8(ascii: "\\"): line.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                default: line.append(byte)
                }
            }
        }
        line.append(UInt8(ascii: "\n"))
    }

    /// One object, keys in column order, values as `ValueFormatter.json` writes them.
    static func appendJSONObject(_ row: [DatabaseValue], _ text: RowText, keys: [[UInt8]], to line: inout [UInt8]) {
        line.append(UInt8(ascii: "{"))
        text.forEachCell { index, kind, cell in
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line.append(contentsOf: keys[index])
            switch kind {
            case .null: line.append(contentsOf: "null".utf8)
            case .literal: line.append(contentsOf: cell)
            case .string: JSONText.appendQuoted(cell, to: &line)
            case .array: line.append(contentsOf: ValueFormatter.json(row[index]).utf8)
            }
        }
        line.append(UInt8(ascii: "}"))
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
