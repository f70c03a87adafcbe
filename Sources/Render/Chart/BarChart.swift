/// Horizontal bars, one per row, each with its exact value; negative values grow left of a zero axis.
struct BarChart {
    let data: ChartData
    let options: TextChartOptions

    /// Eighths of a cell, so a bar's length is exact to an eighth of a column.
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    func lines() -> [String] {
        let style = TextStyle(enabled: options.color)
        guard let series = data.series.first else { return [] }
        let values = series.values
        let texts = series.texts.map { $0 ?? "NULL" }
        let labelWidth = min(data.labels.map { DisplayWidth.of(TableLayout.visible($0)) }.max() ?? 0, options.width / 3)
        let valueWidth = min(texts.map(DisplayWidth.of).max() ?? 0, options.width / 3)
        let area = max(8, options.width - labelWidth - valueWidth - 3)
        let present = values.compactMap { $0 }
        let negative = max(0, -(present.min() ?? 0))
        let positive = max(0, present.max() ?? 0)
        let total = negative + positive
        let leftCells = total > 0 ? Int((Double(area) * negative / total).rounded()) : 0
        let rightCells = area - leftCells
        let axis = options.unicode ? "│" : "|"
        var lines: [String] = []
        for (index, value) in values.enumerated() {
            var left = String(repeating: " ", count: leftCells)
            var right = ""
            if let value, total > 0 {
                let cells = abs(value) / total * Double(area)
                if value < 0 {
                    let length = min(leftCells, max(1, Int(cells.rounded())))
                    left = String(repeating: " ", count: leftCells - length) + style.red(bar(cells: length))
                } else if value > 0 {
                    right = style.cyan(bar(eighths: min(rightCells * 8, max(1, Int((cells * 8).rounded())))))
                }
            }
            // The last column: cut to its width, never padded (trailing spaces would sit inside a colour).
            let shown = DisplayWidth.truncate(TableLayout.visible(texts[index]), to: valueWidth)
            let value = values[index] == nil ? style.dim(shown) : shown
            let used =
                right.isEmpty ? 0 : barWidth(value: values[index] ?? 0, total: total, area: area, limit: rightCells)
            let gap = String(repeating: " ", count: max(0, rightCells - used))
            lines.append(TextChart.fit(data.labels[index], labelWidth) + " " + left + axis + right + gap + " " + value)
        }
        if data.omittedRows > 0 {
            lines.append(style.dim("(first \(values.count) of \(values.count + data.omittedRows) rows)"))
        }
        return lines.map { $0.trailingSpacesRemoved() }
    }

    /// A bar `cells` long in whole cells (negative bars, and ASCII).
    private func bar(cells: Int) -> String {
        String(repeating: options.unicode ? "█" : "#", count: cells)
    }

    /// A bar `eighths` eighths of a cell long.
    private func bar(eighths: Int) -> String {
        guard options.unicode else { return String(repeating: "#", count: max(1, (eighths + 4) / 8)) }
        return String(repeating: "█", count: eighths / 8) + Self.eighths[eighths % 8]
    }

    /// Columns a positive bar takes on the screen (a partial eighth takes a whole one).
    private func barWidth(value: Double, total: Double, area: Int, limit: Int) -> Int {
        let eighths = min(limit * 8, max(1, Int((abs(value) / total * Double(area) * 8).rounded())))
        return options.unicode ? (eighths + 7) / 8 : max(1, (eighths + 4) / 8)
    }
}

extension String {
    /// Without the spaces at its end: a padded last column would leave them in a copied chart.
    func trailingSpacesRemoved() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
