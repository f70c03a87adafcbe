import Basics
import Databases

/// Measures and prints aligned columns the way psql does: a header, a rule, right-aligned numbers,
/// and a "(N rows)" footer.
///
/// Nothing is ever cut: a table wider than the terminal is not printed as a table at all (`fits`), and
/// the renderer shows it expanded instead, as psql's `\x auto` does. Cut cells lost data, and cut headers
/// (`custome…`) could make two columns read the same.
struct TableLayout {
    let columns: [Column]
    private let cells: [[String?]]
    private let rightAligned: [Bool]
    private let widths: [Int]
    private let options: RenderOptions

    init(columns: [Column], rows: [[DatabaseValue]], options: RenderOptions) {
        self.columns = columns
        self.options = options
        cells = rows.map { row in row.map { ValueFormatter.text($0).map(Self.visible) } }
        rightAligned = columns.indices.map { index in rows.contains { ValueFormatter.isNumeric($0[index]) } }
        var widths = columns.map { DisplayWidth.of($0.name) }
        for row in cells {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], DisplayWidth.of(cell ?? "NULL"))
            }
        }
        self.widths = widths
    }

    /// Control characters would break the alignment: newlines show as ↵, other controls as spaces.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "↵"
            case 0x0D: continue
            case 0..<0x20, 0x7F: result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The columns a line of the table takes: the cells, a space either side of each, and the separators.
    var lineWidth: Int { widths.reduce(0, +) + 3 * max(0, widths.count - 1) + 2 }

    /// True when every line fits the terminal (always when the output is not one).
    var fits: Bool { options.terminalWidth.map { lineWidth <= $0 } ?? true }

    func write(to output: TextOutput, truncated: Bool) {
        let style = TextStyle(enabled: options.color)
        func pad(_ text: String, _ index: Int, styled: String? = nil) -> String {
            let fill = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(text)))
            let shown = styled ?? text
            return rightAligned[index] ? fill + shown : shown + fill
        }
        let header = columns.enumerated().map { index, column in
            let fill = widths[index] - DisplayWidth.of(column.name)
            let left = fill / 2
            return String(repeating: " ", count: left) + style.bold(column.name)
                + String(repeating: " ", count: fill - left)
        }
        output.write(" " + header.joined(separator: " | ") + "\n")
        output.write(widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "\n")
        for row in cells {
            let line = row.enumerated().map { index, cell in
                cell.map { pad($0, index) } ?? pad("NULL", index, styled: style.dim("NULL"))
            }
            output.write(" " + line.joined(separator: " | ") + "\n")
        }
        guard options.showRowCount else { return }
        output.write(Self.footer(rows: cells.count, truncated: truncated) + "\n")
    }

    /// `(1 row)`, `(3 rows)`, or that the row cap cut the result.
    static func footer(rows: Int, truncated: Bool) -> String {
        "(\(rows.counted("row"))\(truncated ? " shown; more rows were cut by --max-rows" : ""))"
    }
}
