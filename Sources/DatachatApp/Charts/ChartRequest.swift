import Render

/// What `--chart` and `--chart-out` ask of a one-shot answer.
struct ChartRequest {
    /// Draw the result on standard output instead of printing its rows; nil prints the rows as usual.
    var kind: ChartKind?
    /// Also write the chart as an SVG file here.
    var svgPath: String?

    var isEmpty: Bool { kind == nil && svgPath == nil }
}
