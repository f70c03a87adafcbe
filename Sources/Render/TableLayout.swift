import Databases

/// Measures and prints aligned columns the way psql does: a header, a rule, right-aligned numbers,
/// and a "(N rows)" footer. Columns shrink, widest first, to fit the terminal.
struct TableLayout {
    let columns: [Column]
    let rows: [[DatabaseValue]]
    let options: RenderOptions

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

    func write(to output: TextOutput, truncated: Bool) {
        let style = TextStyle(enabled: options.color)
        let cells: [[String?]] = rows.map { row in row.map { ValueFormatter.text($0).map(Self.visible) } }
        let rightAligned = columns.indices.map { index in
            rows.contains { ValueFormatter.isNumeric($0[index]) }
        }
        var widths = columns.map { DisplayWidth.of($0.name) }
        for row in cells {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], DisplayWidth.of(cell ?? "NULL"))
            }
        }
        fit(&widths)

        func pad(_ text: String, _ index: Int, styled: String? = nil) -> String {
            let cut = DisplayWidth.truncate(text, to: widths[index])
            let fill = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cut)))
            let shown = styled.map { _ in cut == text ? styled! : cut } ?? cut
            return rightAligned[index] ? fill + shown : shown + fill
        }
        let header = columns.enumerated().map { index, column in
            let name = DisplayWidth.truncate(column.name, to: widths[index])
            let fill = widths[index] - DisplayWidth.of(name)
            let left = fill / 2
            return String(repeating: " ", count: left) + style.bold(name) + String(repeating: " ", count: fill - left)
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
        let count = rows.count == 1 ? "(1 row)" : "(\(rows.count) rows)"
        output.write(truncated ? "(\(rows.count) rows shown; more rows were cut by --max-rows)\n" : count + "\n")
    }

    /// Shrinks the widest columns until the table fits the terminal, never below 8 columns each.
    private func fit(_ widths: inout [Int]) {
        guard let available = options.terminalWidth, !widths.isEmpty else { return }
        let separators = 3 * (widths.count - 1) + 2
        while widths.reduce(0, +) + separators > available {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 else { return }
            widths[widest] -= 1
        }
    }
}
