import Basics
import Databases
import Render

/// Prints replayed turns as they are done, in any output format: the transcript with fresh results for
/// people (`table`, `expanded`, `markdown`), results alone for `csv` and `tsv` (the question and SQL go to
/// the notes stream), and one object a turn for `json` (an array) and `jsonl` (a line each).
///
/// With the check, the text formats print one line a turn (`2: changed: rows 120 -> 118 · the question`)
/// with a few differing rows under it, and `csv`/`tsv` one row a turn: what a CI job reads.
public final class ReplayPrinter {
    let format: OutputFormat
    let writer: TranscriptWriter
    let output: TextOutput
    let notes: TextOutput
    let check: Bool
    private var printed = 0
    public private(set) var checks: [TurnCheck] = []
    /// Counts for the summary; the turns themselves (and their rows) are not kept once printed.
    private var ran = 0
    private var failed = 0
    private var queryMilliseconds = 0.0
    private var checkedTurns: [(number: Int, question: String)] = []

    /// `output` takes the data; `notes` the rest (standard error). `check` compares each turn as it prints.
    public init(
        format: OutputFormat, output: TextOutput, notes: TextOutput, check: Bool, color: Bool = false,
        terminalWidth: Int? = nil
    ) {
        self.format = format
        self.writer = TranscriptWriter(format: format, color: color, terminalWidth: terminalWidth)
        self.output = output
        self.notes = notes
        self.check = check
    }

    public func begin(_ session: SavedSession) {
        switch format {
        case .table, .expanded, .markdown:
            if !check { writer.writeHeader(session.record, to: output) }
        case .json: output.write("[")
        default: break
        }
        output.flush()
    }

    public func print(_ turn: ReplayedTurn) {
        let comparison = check ? TurnCheck.compare(turn) : nil
        if let comparison {
            checks.append(comparison)
            checkedTurns.append((turn.saved.number, turn.saved.question.content))
        }
        switch turn.run {
        case .ran(let fresh):
            ran += 1
            queryMilliseconds += fresh.executionMilliseconds
        case .refused, .failed: failed += 1
        case .nothingToRun: break
        }
        defer {
            printed += 1
            output.flush()
        }
        switch format {
        case .table, .expanded, .markdown:
            if let comparison {
                output.write("\(turn.saved.number): \(comparison.line) · \(turn.saved.question.content)\n")
                writer.writeDifferingRows(comparison, to: output)
            } else {
                writer.write(TranscriptTurn(replayed: turn, check: comparison), to: output)
            }
        case .json:
            output.write((printed == 0 ? "\n" : ",\n") + TranscriptJSON.turn(turn, check: comparison))
        case .jsonl:
            output.write(TranscriptJSON.turn(turn, check: comparison) + "\n")
        case .csv, .tsv:
            // Checked, the turns are one table at the end.
            if comparison != nil { return }
            notes.write("-- \(turn.saved.number)> \(turn.saved.question.content)\n")
            if let comparison { notes.write("-- check: \(comparison.line)\n") }
            switch turn.run {
            case .ran(let fresh):
                if printed > 0 { output.write("\n") }
                ResultRenderer.render(fresh.result, options: RenderOptions(format: format), to: output)
            case .refused, .failed:
                notes.write("-- \(turn.run.failureMessage ?? "")\n")
            case .nothingToRun:
                notes.write("-- answered in words: nothing to run\n")
            }
            notes.flush()
        }
    }

    public func finish() {
        if check, format == .csv || format == .tsv {
            let rows = zip(checkedTurns, checks).map { turn, check -> [DatabaseValue] in
                [
                    .integer(Int64(turn.number)), .text(check.verdict.rawValue), .text(check.detail),
                    check.note.map { .text($0) } ?? .null, .text(turn.question),
                ]
            }
            ResultRenderer.render(
                QueryResult(
                    columns: ["turn", "verdict", "detail", "note", "question"].map { Column(name: $0) }, rows: rows),
                options: RenderOptions(format: format), to: output)
        }
        if format == .json { output.write(printed == 0 ? "]\n" : "\n]\n") }
        output.flush()
    }

    /// `replayed 12 turns: 11 ran, 1 failed · queries 85 ms` and, with the check,
    /// `check: 10 same, 1 changed, 1 failed, 0 skipped`.
    public var summary: String {
        var text =
            "replayed \(printed.counted("turn")): \(ran) ran, \(failed) failed · queries "
            + TranscriptTurn.milliseconds(queryMilliseconds)
        if check {
            func count(_ verdict: TurnCheck.Verdict) -> Int { checks.count { $0.verdict == verdict } }
            text +=
                "\ncheck: \(count(.same)) same, \(count(.changed)) changed, \(count(.failed)) failed, "
                + "\(count(.refused)) refused, \(count(.skipped)) skipped"
        }
        return text
    }

    /// True when the check found a turn that differs from what was saved.
    public var differs: Bool { checks.contains { $0.verdict.differs } }
}
