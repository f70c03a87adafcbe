import Basics

/// A chart as a standalone SVG document: inline styles, the generic `sans-serif` font, no scripts, no
/// links, nothing fetched; any browser shows it, and it can be embedded in an HTML page as it is.
public enum SVGChart {
    static let width = 800.0
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]

    /// The whole document, with the `<?xml?>` declaration: what `--chart-out` writes.
    public static func document(_ data: ChartData, title: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(data, title: title)
    }

    /// The `<svg>` element alone, for embedding in HTML.
    public static func element(_ data: ChartData, title: String) -> String {
        switch data.kind {
        case .line: lineChart(data, title: title)
        case .bar, .auto: barChart(data, title: title)
        }
    }

    private static func open(height: Double, title: String) -> String {
        let h = number(height)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(number(width))" height="\(h)" \
            viewBox="0 0 \(number(width)) \(h)" font-family="sans-serif" font-size="12" role="img">
            <title>\(text(title))</title>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text class="title" x="\(number(width / 2))" y="24" text-anchor="middle" font-size="16" \
            font-weight="bold">\(text(title))</text>

            """
    }

    private static func barChart(_ data: ChartData, title: String) -> String {
        guard let series = data.series.first else { return open(height: 60, title: title) + "</svg>\n" }
        let rowHeight = 22.0
        let top = 48.0
        let height = top + rowHeight * Double(series.values.count) + 40
        let labelWidth = 200.0
        let valueWidth = 110.0
        let plotLeft = labelWidth + 10
        let plotWidth = width - plotLeft - valueWidth
        let present = series.values.compactMap { $0 }
        let scale = AxisScale(minimum: min(0, present.min() ?? 0), maximum: max(0, present.max() ?? 0), count: 5)
        func x(_ value: Double) -> Double { plotLeft + scale.fraction(value) * plotWidth }
        var svg = open(height: height, title: title)
        let bottom = top + rowHeight * Double(series.values.count)
        for tick in scale.ticks {
            svg += "<line x1=\"\(number(x(tick)))\" y1=\"\(number(top))\" x2=\"\(number(x(tick)))\" "
            svg += "y2=\"\(number(bottom))\" stroke=\"#e0e0e0\"/>\n"
            svg += "<text class=\"tick\" x=\"\(number(x(tick)))\" y=\"\(number(bottom + 16))\" "
            svg += "text-anchor=\"middle\" fill=\"#555555\">\(text(CompactNumber.text(tick)))</text>\n"
        }
        for (index, value) in series.values.enumerated() {
            let y = top + rowHeight * Double(index)
            svg += "<text class=\"label\" x=\"\(number(labelWidth))\" y=\"\(number(y + 15))\" text-anchor=\"end\">"
            svg += text(DisplayWidth.truncate(data.labels[index], to: 30)) + "</text>\n"
            if let value {
                let start = min(x(0), x(value))
                let length = abs(x(value) - x(0))
                svg += "<rect x=\"\(number(start))\" y=\"\(number(y + 3))\" width=\"\(number(length))\" "
                svg += "height=\"\(number(rowHeight - 6))\" fill=\"\(value < 0 ? palette[3] : palette[0])\"/>\n"
            }
            svg += "<text class=\"value\" x=\"\(number(plotLeft + plotWidth + 8))\" y=\"\(number(y + 15))\">"
            svg += text(series.texts[index] ?? "NULL") + "</text>\n"
        }
        svg += "<line x1=\"\(number(x(0)))\" y1=\"\(number(top))\" x2=\"\(number(x(0)))\" y2=\"\(number(bottom))\" "
        svg += "stroke=\"#333333\"/>\n"
        if data.omittedRows > 0 {
            svg += "<text class=\"note\" x=\"\(number(plotLeft))\" y=\"\(number(height - 6))\" fill=\"#555555\">"
            svg += "first \(series.values.count) of \(series.values.count + data.omittedRows) rows</text>\n"
        }
        return svg + "</svg>\n"
    }

    private static func lineChart(_ data: ChartData, title: String) -> String {
        let height = 450.0
        let left = 70.0
        let right = width - 20
        let top = 44.0
        let bottom = height - 70
        let positions: [Double]
        switch data.axis {
        case .time(let times): positions = times
        case .numbers(let numbers): positions = numbers
        case .labels: positions = data.labels.indices.map(Double.init)
        }
        let xLow = positions.min() ?? 0
        let xHigh = positions.max() ?? 1
        let values = data.series.flatMap { $0.values.compactMap { $0 } }
        let scale = AxisScale(minimum: values.min() ?? 0, maximum: values.max() ?? 1, count: 6)
        func x(_ position: Double) -> Double {
            left + (xHigh > xLow ? (position - xLow) / (xHigh - xLow) : 0.5) * (right - left)
        }
        func y(_ value: Double) -> Double { bottom - scale.fraction(value) * (bottom - top) }
        var svg = open(height: height, title: title)
        for tick in scale.ticks {
            svg += "<line x1=\"\(number(left))\" y1=\"\(number(y(tick)))\" x2=\"\(number(right))\" "
            svg += "y2=\"\(number(y(tick)))\" stroke=\"#e0e0e0\"/>\n"
            svg += "<text class=\"tick\" x=\"\(number(left - 6))\" y=\"\(number(y(tick) + 4))\" text-anchor=\"end\" "
            svg += "fill=\"#555555\">\(text(CompactNumber.text(tick)))</text>\n"
        }
        let ticks = 6
        for tick in 0..<ticks where xHigh > xLow || tick == 0 {
            let position = xHigh > xLow ? xLow + Double(tick) / Double(ticks - 1) * (xHigh - xLow) : xLow
            let label: String
            if case .time = data.axis {
                label = CalendarTime.text(position, span: xHigh - xLow)
            } else {
                label = CompactNumber.text(position)
            }
            svg += "<line x1=\"\(number(x(position)))\" y1=\"\(number(bottom))\" x2=\"\(number(x(position)))\" "
            svg += "y2=\"\(number(bottom + 5))\" stroke=\"#333333\"/>\n"
            svg += "<text class=\"tick\" x=\"\(number(x(position)))\" y=\"\(number(bottom + 18))\" "
            svg += "text-anchor=\"middle\" fill=\"#555555\">\(text(label))</text>\n"
        }
        svg += "<line x1=\"\(number(left))\" y1=\"\(number(bottom))\" x2=\"\(number(right))\" y2=\"\(number(bottom))\" "
        svg += "stroke=\"#333333\"/>\n"
        svg += "<line x1=\"\(number(left))\" y1=\"\(number(top))\" x2=\"\(number(left))\" y2=\"\(number(bottom))\" "
        svg += "stroke=\"#333333\"/>\n"
        svg += "<text class=\"axis\" x=\"\(number((left + right) / 2))\" y=\"\(number(bottom + 36))\" "
        svg += "text-anchor=\"middle\">\(text(data.labelName))</text>\n"
        let order = positions.indices.sorted { positions[$0] < positions[$1] }
        for (index, series) in data.series.enumerated() {
            let colour = palette[index % palette.count]
            // A NULL breaks the line: each unbroken run is its own polyline.
            var runs: [[String]] = [[]]
            for row in order {
                guard let value = series.values[row] else {
                    if !(runs.last?.isEmpty ?? true) { runs.append([]) }
                    continue
                }
                runs[runs.count - 1].append(number(x(positions[row])) + "," + number(y(value)))
            }
            svg += "<g class=\"series\" data-name=\"\(text(series.name))\">\n"
            for run in runs where !run.isEmpty {
                if run.count == 1 {
                    let point = run[0].split(separator: ",")
                    svg += "<circle cx=\"\(point[0])\" cy=\"\(point[1])\" r=\"2.5\" fill=\"\(colour)\"/>\n"
                } else {
                    svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" "
                    svg += "points=\"\(run.joined(separator: " "))\"/>\n"
                }
            }
            svg += "</g>\n"
            let legendX = left + Double(index) * 150
            svg += "<rect x=\"\(number(legendX))\" y=\"\(number(height - 22))\" width=\"14\" height=\"4\" "
            svg += "fill=\"\(colour)\"/>\n"
            svg += "<text class=\"legend\" x=\"\(number(legendX + 20))\" y=\"\(number(height - 16))\">"
            svg += text(DisplayWidth.truncate(series.name, to: 20)) + "</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// Text for an element or attribute: escaped, control characters made visible (XML forbids them).
    private static func text(_ value: String) -> String {
        MarkupText.escaped(TableLayout.visible(value))
    }

    /// A coordinate with at most two decimals, so the document stays small and diffs stay readable.
    private static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
