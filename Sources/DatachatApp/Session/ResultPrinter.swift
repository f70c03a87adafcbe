import Assistant
import Basics
import Databases
import LLM
import Render

/// Shows a turn as it happens: the SQL when asked for, then the rows, streamed to the renderer.
///
/// Data (rows, or the SQL with `--sql-only`) goes to standard output; notes go to standard error.
final class ResultPrinter: TurnObserver {
    private let settings: Settings
    private let output: TextOutput
    private let options: RenderOptions
    private let explain: Bool
    private var renderer: ResultRenderer?
    /// The session's copy of the last result, for `\chart`.
    private let recent: ChartRows?
    /// `--chart`, `--chart-out`: the one-shot's question and what to draw of its result.
    private let chart: (request: ChartRequest, question: String)?
    private var charted: ChartedResult?
    /// Set when the chart's file could not be written.
    private(set) var chartFailure: CommandFailure?

    /// `explain`: show the model's words (without its SQL) on standard error, whether a person watches or a
    /// script keeps them (`2>log`): `-q` does, a piped session (answers only) does not.
    init(
        settings: Settings, output: TextOutput, explain: Bool, format: OutputFormat? = nil, recent: ChartRows? = nil,
        chart: (request: ChartRequest, question: String)? = nil
    ) {
        self.settings = settings
        self.output = output
        self.explain = explain
        self.recent = recent
        self.chart = chart
        let terminal = output is FileOutput && Terminal.outputIsTerminal
        options = RenderOptions(
            format: format ?? settings.format, color: terminal && settings.color,
            terminalWidth: terminal ? Terminal.width : nil)
    }

    func modelAnswered(_ reply: String, attempt: Int) {
        guard explain else { return }
        let prose = ProseFilter.prose(of: reply)
        if !prose.isEmpty {
            StandardError.write(TextStyle(enabled: settings.color && StandardError.isTerminal).dim(prose) + "\n")
        }
    }

    /// Says why the request goes out again and, when part of the answer had arrived, that it starts over.
    /// Retries print nothing here: a failure that ends them says how many attempts it took, in its one line.
    func modelRetrying(_ retry: ChatRetry, attempt: Int) {}

    func sqlReady(_ sql: String, attempt: Int) {
        if settings.sqlOnly {
            output.write(sql + "\n")
            output.flush()
        } else if settings.showSQL {
            StandardError.write(TextStyle(enabled: settings.color && StandardError.isTerminal).cyan(sql) + "\n")
        }
    }

    func repairing(after failure: TurnFailure, attempt: Int) {
        StandardError.error("\(failure.message); asking the model to correct it")
    }

    func fixedReferences(_ description: String, sql: String, attempt: Int) {
        StandardError.error("fixed: \(description)")
    }

    func resultStarted(columns: [Column]) {
        recent?.begin(columns: columns)
        if let chart {
            let options = options
            let output = output
            let charted = ChartedResult(
                request: chart.request, question: chart.question, output: output,
                chartOptions: .forStandardOutput(color: settings.color, unicode: settings.unicode),
                makeRenderer: { ResultRenderer(options: options, output: output) })
            charted.begin(columns: columns)
            self.charted = charted
            return
        }
        let renderer = ResultRenderer(options: options, output: output)
        renderer.begin(columns: columns)
        self.renderer = renderer
    }

    var waitedOnReader: Duration { output.waitedOnReader }

    func resultRow(_ row: [DatabaseValue], text: borrowing RowText) {
        recent?.add(row)
        renderer?.add(row: row, text: text)
        charted?.add(row: row)
    }

    func resultFinished(rowCount: Int, truncated: Bool) {
        renderer?.finish(truncated: truncated)
        renderer = nil
        charted?.finish(truncated: truncated)
        chartFailure = chartFailure ?? charted?.failure
        charted = nil
        if truncated, options.format != .table {
            StandardError.write("datachat: showing the first \(rowCount.counted("row")); raise --max-rows for more\n")
        }
    }
}
