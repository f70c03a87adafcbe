/// How a chart is drawn in a terminal: its size and what the terminal can show.
public struct TextChartOptions: Sendable, Hashable {
    /// Columns the whole chart may take, labels and values included.
    public var width: Int
    /// Rows of a line chart's plot, axes and legend not counted.
    public var plotHeight: Int
    /// ANSI colour: off for NO_COLOR and when the output is not a terminal.
    public var color: Bool
    /// Block and braille characters; off where the locale cannot show them (ASCII `#` and `*` instead).
    public var unicode: Bool

    public init(width: Int = 80, plotHeight: Int = 15, color: Bool = false, unicode: Bool = true) {
        self.width = max(width, 30)
        self.plotHeight = max(plotHeight, 4)
        self.color = color
        self.unicode = unicode
    }

    /// Sized to a window of `columns` by `rows`, or 80 by 24 for a pipe or a file (nil).
    public static func fitting(columns: Int?, rows: Int?, color: Bool, unicode: Bool) -> TextChartOptions {
        let height = min(max((rows ?? 24) - 9, 6), 20)
        return TextChartOptions(width: min(columns ?? 80, 160), plotHeight: height, color: color, unicode: unicode)
    }
}

/// A chart as terminal text, ending in a newline.
public enum TextChart {
    public static func render(_ data: ChartData, title: String, options: TextChartOptions) -> String {
        let style = TextStyle(enabled: options.color)
        let heading = style.bold(DisplayWidth.truncate(TableLayout.visible(title), to: options.width)) + "\n"
        switch data.kind {
        case .line: return heading + LineChart(data: data, options: options).lines().joined(separator: "\n") + "\n"
        case .bar, .auto: return heading + BarChart(data: data, options: options).lines().joined(separator: "\n") + "\n"
        }
    }

    /// Text padded with spaces to `width` columns (cut with "…" when longer).
    static func fit(_ text: String, _ width: Int, rightAligned: Bool = false) -> String {
        let cut = DisplayWidth.truncate(TableLayout.visible(text), to: width)
        let fill = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        return rightAligned ? fill + cut : cut + fill
    }
}
