import Assistant
import Basics
import Databases
import LLM
import Render
import SQLGuard

/// Shows a turn in a terminal session as it happens: a spinner until the first token, the model's
/// words as they stream, the SQL (highlighted when the terminal has colour), then the result.
///
/// The model's words and the SQL go to the screen; the result goes to the session's destination
/// (the screen through the pager, or the `\o` file).
final class TurnDisplay: TurnObserver {
    private let view: SessionView
    private let spinner: Spinner
    private let editor: LineEditor?
    private let screen = FileOutput.standardOutput()
    private let style: TextStyle
    private var prose = ProseFilter()
    private var destination: ResultDestination?
    private var renderer: ResultRenderer?
    private var columnCount = 0
    /// When the model was asked: the status keeps one clock for the whole wait.
    private var calledAt = ContinuousClock.now
    /// Pieces of the answer so far (a streamed chunk is about a token), for the status while SQL is held.
    private var chunks = 0
    /// The words stopped mid-line and a status line was opened under them: the newline the words owe is paid.
    private var brokeLine = false
    /// True once words of this answer are on the screen.
    private var wroteWords = false
    /// True once any words of the turn were shown.
    private var showedWords = false
    /// The session's copy of the last result, for `\chart`.
    private let recent: ChartRows

    init(view: SessionView, spinner: Spinner, editor: LineEditor?, recent: ChartRows) {
        self.view = view
        self.recent = recent
        self.spinner = spinner
        self.editor = editor
        style = TextStyle(enabled: view.color)
    }

    func modelCalled(attempt: Int) {
        calledAt = .now
        chunks = 0
        spinner.start(attempt == 1 ? "thinking" : "correcting")
    }

    /// Words show as they come; SQL is held until its fence closes (to show it highlighted), so while it
    /// streams the status says so, with the time and the tokens so far, instead of a still screen.
    func modelText(_ delta: String, attempt: Int) {
        chunks += 1
        let visible = prose.feed(delta)
        if visible.isEmpty {
            if prose.isInsideFence { showStatus("writing SQL (\(chunks) tokens)") }
            return
        }
        spinner.stop()
        writeProse(visible)
    }

    /// The status on a line of its own: words that stopped mid-line get their newline first.
    private func showStatus(_ label: String) {
        if !spinner.isShowing, wroteWords, !brokeLine {
            screen.write("\n")
            screen.flush()
            brokeLine = true
        }
        spinner.start(label, since: calledAt)
    }

    private func writeProse(_ text: String) {
        var text = text[...]
        if brokeLine, text.first == "\n" { text = text.dropFirst() }
        brokeLine = false
        guard !text.isEmpty else { return }
        wroteWords = true
        showedWords = true
        screen.write(style.dim(String(text)))
        screen.flush()
    }

    func modelRetrying(_ retry: ChatRetry, attempt: Int) {
        spinner.stop()
        endProse()
        // One status line that updates in place, not a line per retry.
        spinner.start(retry.line.count > 72 ? retry.line.prefix(71) + "…" : retry.line)
    }

    func modelAnswered(_ reply: String, attempt: Int) {
        spinner.stop()
        endProse()
    }

    func sqlReady(_ sql: String, attempt: Int) {
        spinner.stop()
        screen.write(SQLHighlighter.highlight(sql, dialect: view.dialect, style: style) + "\n")
        screen.flush()
    }

    /// With `\confirm on`: Run? [Y/n/e]; e puts the SQL in the line editor to change first.
    func approve(_ sql: String, attempt: Int) -> SQLApproval {
        defer { spinner.start("running") }
        guard view.confirm, let editor else { return .run(sql) }
        while true {
            switch editor.readLine(prompt: "Run? [Y/n/e] ") {
            case .interrupted, .end: return .skip
            case .line(let answer):
                switch answer.trimmed().lowercased() {
                case "", "y", "yes": return .run(sql)
                case "n", "no": return .skip
                case "e", "edit":
                    let flat = SQLText.oneLine(sql, dialect: view.dialect)
                    guard case .line(let edited) = editor.readLine(prompt: "sql> ", initial: flat) else { return .skip }
                    editor.remember("\\sql " + edited)
                    return .run(edited)
                default: continue
                }
            }
        }
    }

    func repairing(after failure: TurnFailure, attempt: Int) {
        spinner.stop()
        StandardError.write(style.yellow("\(failure.message); asking the model to correct it") + "\n")
    }

    func fixedReferences(_ description: String, sql: String, attempt: Int) {
        spinner.stop()
        StandardError.write(style.yellow("fixed: \(description)") + "\n")
    }

    func resultStarted(columns: [Column]) {
        spinner.stop()
        let destination = ResultDestination(view: view)
        let renderer = ResultRenderer(options: destination.renderOptions, output: destination.output)
        renderer.begin(columns: columns)
        recent.begin(columns: columns)
        columnCount = columns.count
        self.destination = destination
        self.renderer = renderer
    }

    var waitedOnReader: Duration { destination?.output.waitedOnReader ?? .zero }

    func resultRow(_ row: [DatabaseValue], text: borrowing RowText) {
        renderer?.add(row: row, text: text)
        recent.add(row)
    }

    func resultFinished(rowCount: Int, truncated: Bool) {
        if let renderer, let destination,
            destination.willPage(lines: Self.lineCount(renderer.options.format, rows: rowCount, columns: columnCount))
        {
            renderer.options.terminalWidth = nil
        }
        renderer?.finish(truncated: truncated)
        destination?.finish()
        renderer = nil
        destination = nil
        if truncated, view.format != .table {
            StandardError.write("datachat: showing the first \(rowCount.counted("row")); raise --max-rows for more\n")
        }
    }

    /// Lines a held (aligned) result takes on the screen: header, rule and footer around the rows, or
    /// one line per column and a record header in the expanded format.
    static func lineCount(_ format: OutputFormat, rows: Int, columns: Int) -> Int {
        switch format {
        case .expanded: rows * (columns + 1)
        default: rows + 3
        }
    }

    /// Clears whatever the turn left on the screen's last line; an answer in words that streamed as nothing
    /// (all of it in a block) is shown now.
    func end(_ outcome: TurnOutcome) {
        spinner.stop()
        endProse()
        destination?.finish()
        destination = nil
        if outcome.isAnswerInWords, !showedWords, let reply = outcome.reply {
            writeProse(ProseFilter.words(ofAnswerInWords: reply) + "\n")
        }
    }

    private func endProse() {
        writeProse(prose.finish())
        wroteWords = false
    }
}
