import Assistant
import Basics
import Databases
import FoundationEssentials
import Render

#if canImport(Glibc)
    import Glibc
#endif

/// `datachat` with no question: a conversation on one database.
///
/// On a terminal it edits lines with libedit (history across runs, completion, Ctrl-C to cancel) and
/// shows each turn as it happens; on a pipe it reads one question a line and prints only the answers,
/// so `datachat < questions.txt` works in scripts. Lines starting with a backslash are meta-commands.
final class InteractiveSession {
    let context: AppContext
    var view: SessionView
    let editor: LineEditor?
    let spinner: Spinner
    /// The schema for completion, read once.
    private let schemaSource: SchemaSource
    private let input = StandardInputLines()
    private let separator = AnswerSeparator()
    private var lastFailureCode = ExitStatus.answered
    /// The last result's rows (a bounded copy), for `\chart`.
    let recentResult = ChartRows()

    static let prompt = "datachat> "
    static let continuationPrompt = "    ...> "

    init(context: AppContext, confirm: Bool) {
        self.context = context
        let settings = context.settings
        let screenIsTerminal = Terminal.outputIsTerminal
        view = SessionView(
            format: settings.format, unexpandedFormat: settings.format == .expanded ? .table : settings.format,
            confirm: confirm, outputPath: nil, color: screenIsTerminal && settings.color,
            dialect: context.location.dialect, pager: settings.pager)
        spinner = Spinner(enabled: StandardError.isTerminal && Terminal.inputIsTerminal, unicode: settings.unicode)
        schemaSource = SchemaSource(assistant: context.assistant)
        var editor: LineEditor?
        if Terminal.inputIsTerminal {
            let folder = settings.stateDirectory
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let history = context.history
            let completion = Completion(
                schema: { [schemaSource] in schemaSource.schema },
                sessionIDs: { (try? history.sessions(limit: 20).map(\.id)) ?? [] })
            editor = LineEditor(program: "datachat", historyFile: folder + "/history") {
                completion.candidates(before: $0)
            }
        }
        self.editor = editor
    }

    var isInteractive: Bool { editor != nil }

    func run() -> Int32 {
        if isInteractive { greet() }
        while true {
            Signals.interrupt.reset()
            guard let line = readInput() else { break }
            if line.isEmpty { continue }
            if line == "quit" || line == "exit" { break }
            if line.hasPrefix("\\") {
                if !perform(line) { break }
            } else {
                ask(line)
            }
        }
        if isInteractive { StandardError.write("\n") }
        // Piped input reports the last failure, so a script notices; a person quitting does not need it.
        return isInteractive ? ExitStatus.answered : lastFailureCode
    }

    private func greet() {
        StandardError.write(
            "datachat \(Settings.version) on \(context.location.redacted). Ask a question, \\? for help, \\q to quit.\n"
        )
        let style = TextStyle(enabled: view.color)
        // Opened now, so a person learns at once that the database is missing or unreachable rather than at the
        // first question. Each turn tries again, so the session can go on once the file or server is there.
        do {
            _ = try context.assistant.database()
        } catch {
            let reason = (error as? DatabaseError)?.message ?? "\(error)"
            StandardError.write(
                style.yellow(
                    "The database cannot be opened: \(reason). Questions and \\sql try again each time; \\q quits.")
                    + "\n")
        }
        let llm = context.settings.llm
        if llm.requiresKey, llm.apiKey == nil {
            StandardError.write(
                style.yellow(
                    "No model endpoint is configured: run `\(LocalModel.setupCommand)` for a model on this machine "
                        + "(no key, no data leaves it), or set OPENAI_API_KEY for OpenAI, or OPENAI_BASE_URL for "
                        + "any OpenAI-compatible server. \\sql works meanwhile.") + "\n")
        }
    }

    // MARK: Input

    /// The next question or command, joined from several lines when it continues (a trailing backslash,
    /// or an unclosed quote or parenthesis in `\sql`); "" after Ctrl-C; nil at the end of input.
    private func readInput() -> String? {
        var lines: [String] = []
        while true {
            let next: String
            if let editor {
                switch editor.readLine(prompt: lines.isEmpty ? Self.prompt : Self.continuationPrompt) {
                case .interrupted: return ""
                case .end: return lines.isEmpty ? nil : lines.joined(separator: "\n").trimmed()
                case .line(let text): next = text
                }
            } else {
                guard let text = input.next() else { return lines.isEmpty ? nil : lines.joined(separator: "\n") }
                next = text
            }
            var line = next
            let continues = line.hasSuffix("\\") && !line.hasSuffix("\\\\") && line.trimmed() != "\\"
            if continues { line.removeLast() }
            lines.append(line)
            let text = lines.joined(separator: "\n").trimmed()
            let dialect = context.location.dialect
            if continues || (text.hasPrefix("\\sql") && SQLText.isOpen(text, dialect: dialect)) { continue }
            if !text.isEmpty { editor?.remember(SQLText.oneLine(text, dialect: dialect)) }
            return text
        }
    }

    // MARK: Turns

    /// A question for the model, shown as it happens.
    func ask(_ question: String) {
        recentResult.expect(question: question)
        finish(turn: { display in
            context.assistant.ask(question, observer: display)
        })
    }

    /// Runs one turn with the display of the session's kind and reports its failure in one line.
    func finish(turn: (TurnObserver) -> TurnOutcome) {
        let outcome: TurnOutcome
        if isInteractive {
            let display = TurnDisplay(view: view, spinner: spinner, editor: editor, recent: recentResult)
            outcome = turn(display)
            display.end(outcome)
        } else {
            let output = answerOutput()
            let printer = ResultPrinter(
                settings: context.settings, output: output, explain: false, format: view.format, recent: recentResult)
            outcome = turn(printer)
            // An answer in words only (\explain, or the model's question back) has no rows for the printer to show.
            if outcome.failure == nil || outcome.isAnswerInWords, outcome.sql == nil, let reply = outcome.reply,
                !reply.isEmpty
            {
                output.write(reply.trimmed() + "\n")
            }
            output.flush()
        }
        if let unsaved = outcome.historyFailure {
            StandardError.error(unsaved.message)
            lastFailureCode = ExitStatus.code(for: outcome)
        }
        guard let failure = outcome.failure else { return }
        lastFailureCode = ExitStatus.code(for: outcome)
        // The model's words were the answer (streamed, or printed above): not an error.
        if outcome.isAnswerInWords { return }
        StandardError.error(failure.message)
    }
}

extension InteractiveSession {
    /// Standard output for one answer: on a pipe, a blank line first when an answer came before it.
    func answerOutput() -> TextOutput {
        isInteractive ? FileOutput.standardOutput() : separator.output(separating: view.format != .jsonl)
    }
}

/// The analysed schema for completion: read at the first Tab, kept for the session.
final class SchemaSource {
    private let assistant: Assistant
    private var cached: Schema??

    init(assistant: Assistant) {
        self.assistant = assistant
    }

    /// nil when the database cannot be read: completion then offers no names.
    var schema: Schema? {
        if let cached { return cached }
        let schema = try? assistant.schema()
        cached = .some(schema)
        return schema
    }
}

/// Standard input one line at a time when it is not a terminal. Unlike `readLine`, a signal that
/// interrupts the read (a window resize) is not mistaken for the end of the input.
final class StandardInputLines {
    private var buffer: [UInt8] = []
    private var atEnd = false

    func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 || errno != EINTR || Signals.interrupt.isCancelled {
                atEnd = true
            }
        }
    }
}
