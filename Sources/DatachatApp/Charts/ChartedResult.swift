import Databases
import Render

/// A one-shot result drawn as `--chart` and `--chart-out` ask: the chart instead of the rows on standard
/// output, and/or an SVG file beside them.
///
/// Rows are held only up to `ChartRows.limit`; past that the held rows go to the renderer and the rest
/// stream as without a chart, so memory stays flat. A result that cannot be charted is still printed, in
/// the chosen format, after one line on standard error saying why there is no chart.
final class ChartedResult {
    private let request: ChartRequest
    private let question: String?
    private let makeRenderer: () -> ResultRenderer
    private let chartOptions: TextChartOptions
    private let output: TextOutput
    private let held = ChartRows()
    private var renderer: ResultRenderer?
    /// Set when the SVG file could not be written: the run's exit status.
    private(set) var failure: CommandFailure?

    init(
        request: ChartRequest, question: String?, output: TextOutput, chartOptions: TextChartOptions,
        makeRenderer: @escaping () -> ResultRenderer
    ) {
        self.request = request
        self.question = question
        self.output = output
        self.chartOptions = chartOptions
        self.makeRenderer = makeRenderer
    }

    func begin(columns: [Column]) {
        held.expect(question: question)
        held.begin(columns: columns)
        if request.kind == nil { startRenderer() }
    }

    func add(row: [DatabaseValue]) {
        // Drawing instead of the rows: the first row past the limit sends the held ones to the renderer.
        if request.kind != nil, renderer == nil, held.rows.count == ChartRows.limit { startRenderer(replaying: true) }
        held.add(row)
        renderer?.add(row: row)
    }

    func finish(truncated: Bool) {
        if let kind = request.kind, renderer == nil {
            do throws(ChartRefusal) {
                let data = try held.chart(kind)
                output.write(TextChart.render(data, title: data.title(question: question), options: chartOptions))
            } catch {
                StandardError.error("no chart: \(error.reason); the rows follow")
                startRenderer(replaying: true)
            }
        } else if request.kind != nil {
            StandardError.error("no chart: \(ChartRows.tooManyRows)")
        }
        renderer?.finish(truncated: truncated)
        output.flush()
        guard let path = request.svgPath else { return }
        do {
            let data = try held.chart(request.kind ?? .auto)
            try ChartFile.write(data, title: data.title(question: question), to: path)
        } catch let refusal as ChartRefusal {
            StandardError.error("no chart written to \(path): \(refusal.reason)")
        } catch {
            failure = error as? CommandFailure
        }
    }

    private func startRenderer(replaying: Bool = false) {
        let renderer = makeRenderer()
        renderer.begin(columns: held.columns)
        if replaying { for row in held.rows { renderer.add(row: row) } }
        self.renderer = renderer
    }
}
