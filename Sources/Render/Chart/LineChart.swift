/// Lines in braille over a time or number axis, with ticks on both axes and a legend of the series.
///
/// Without colour the series are told apart by their dashes (solid, dashed, dotted), which the legend shows.
struct LineChart {
    let data: ChartData
    let options: TextChartOptions

    /// Which steps of a line series `number` draws: solid, dashed, dotted.
    private static func dash(_ number: Int) -> (Int) -> Bool {
        switch number % 3 {
        case 0: { _ in true }
        case 1: { ($0 / 3) % 2 == 0 }
        default: { $0 % 3 == 0 }
        }
    }
    private static let legendMarks = ["──", "╌╌", "┈┈"]

    func lines() -> [String] {
        let style = TextStyle(enabled: options.color)
        let positions: [Double]
        switch data.axis {
        case .time(let times): positions = times
        case .numbers(let numbers): positions = numbers
        case .labels: positions = data.labels.indices.map(Double.init)
        }
        let order = positions.indices.sorted { positions[$0] < positions[$1] }
        let values = data.series.flatMap { $0.values.compactMap { $0 } }
        let scale = AxisScale(
            minimum: values.min() ?? 0, maximum: values.max() ?? 1, count: max(2, options.plotHeight / 3))
        let tickTexts = scale.ticks.map(CompactNumber.text)
        let labelWidth = tickTexts.map(\.count).max() ?? 1
        let plotColumns = max(10, options.width - labelWidth - 2)
        var canvas = BrailleCanvas(columns: plotColumns, rows: options.plotHeight)
        let xLow = positions.min() ?? 0
        let xHigh = positions.max() ?? 1
        func pixel(_ index: Int, _ value: Double) -> (x: Int, y: Int) {
            let xFraction = xHigh > xLow ? (positions[index] - xLow) / (xHigh - xLow) : 0.5
            let x = Int((xFraction * Double(canvas.pixelWidth - 1)).rounded())
            let y = Int(((1 - scale.fraction(value)) * Double(canvas.pixelHeight - 1)).rounded())
            return (x, y)
        }
        for (number, series) in data.series.enumerated() {
            let pattern = Self.dash(options.color ? 0 : number)
            var previous: (x: Int, y: Int)?
            for index in order {
                guard let value = series.values[index] else {
                    previous = nil  // a NULL breaks the line
                    continue
                }
                let point = pixel(index, value)
                if let previous {
                    canvas.line(from: previous, to: point, series: number, pattern: pattern)
                } else {
                    canvas.set(x: point.x, y: point.y, series: number)
                }
                previous = point
            }
        }
        // Each tick labels the row its value falls in; two ticks in one row keep the first.
        var rowLabels: [Int: String] = [:]
        for (tick, text) in zip(scale.ticks, tickTexts) {
            let row = Int(((1 - scale.fraction(tick)) * Double(canvas.pixelHeight - 1)).rounded()) / 4
            if rowLabels[row] == nil { rowLabels[row] = text }
        }
        let vertical = options.unicode ? "│" : "|"
        let tickMark = options.unicode ? "┤" : "+"
        var lines: [String] = []
        for row in 0..<canvas.rows {
            let label = rowLabels[row].map { TextChart.fit($0, labelWidth, rightAligned: true) }
            let plot =
                options.unicode
                ? canvas.text(row: row) { cell, owner in paint(cell, series: owner, style: style) }
                : canvas.asciiText(row: row)
            lines.append(
                (label ?? String(repeating: " ", count: labelWidth)) + " " + (label == nil ? vertical : tickMark) + plot
            )
        }
        lines += xAxis(labelWidth: labelWidth, plotColumns: plotColumns, low: xLow, high: xHigh)
        lines.append(legend(style: style))
        return lines.map { $0.trailingSpacesRemoved() }
    }

    /// The x axis rule with its ticks, and the tick labels under it, spaced so none overlap.
    private func xAxis(labelWidth: Int, plotColumns: Int, low: Double, high: Double) -> [String] {
        let margin = String(repeating: " ", count: labelWidth + 1)
        func text(_ position: Double) -> String {
            if case .time = data.axis { return CalendarTime.text(position, span: high - low) }
            return CompactNumber.text(position)
        }
        let widest = max(text(low).count, text(high).count)
        let count = high > low ? max(2, min(6, plotColumns / (widest + 3))) : 1
        var rule = Array(repeating: options.unicode ? "─" : "-", count: plotColumns)
        var labels = Array(repeating: Character(" "), count: plotColumns + widest)
        var nextFree = 0
        for tick in 0..<count {
            let fraction = count == 1 ? 0.5 : Double(tick) / Double(count - 1)
            let column = min(plotColumns - 1, Int((fraction * Double(plotColumns - 1)).rounded()))
            rule[column] = options.unicode ? "┬" : "+"
            let label = Array(text(low + fraction * (high - low)))
            // Centred under the tick, kept inside the line and clear of the label before it.
            let start = max(nextFree, min(column - label.count / 2, plotColumns + widest - label.count))
            guard start >= 0, start + label.count <= labels.count else { continue }
            for (offset, character) in label.enumerated() { labels[start + offset] = character }
            nextFree = start + label.count + 1
        }
        let corner = options.unicode ? "└" : "+"
        return [margin + corner + rule.joined(), margin + " " + String(labels)]
    }

    private func legend(style: TextStyle) -> String {
        let entries = data.series.enumerated().map { number, series in
            let mark =
                options.unicode
                ? (options.color ? paint("━━", series: number, style: style) : Self.legendMarks[number % 3])
                : "**"
            return mark + " " + TableLayout.visible(series.name)
        }
        return entries.joined(separator: "   ")
    }

    private func paint(_ text: String, series: Int, style: TextStyle) -> String {
        switch series % 6 {
        case 0: style.cyan(text)
        case 1: style.yellow(text)
        case 2: style.magenta(text)
        case 3: style.green(text)
        case 4: style.blue(text)
        default: style.red(text)
        }
    }
}
