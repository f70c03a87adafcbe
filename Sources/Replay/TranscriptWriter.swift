import Databases
import History
import Render

/// Writes a transcript for a person: as text with result tables (`table`, `expanded`) or as markdown a
/// colleague can read (`markdown`, `export --format markdown`).
public struct TranscriptWriter {
    public var format: OutputFormat
    public var color: Bool
    public var terminalWidth: Int?

    public init(format: OutputFormat, color: Bool = false, terminalWidth: Int? = nil) {
        self.format = format
        self.color = color
        self.terminalWidth = terminalWidth
    }

    var isMarkdown: Bool { format == .markdown }

    /// The heading: which session, when, on which database and model.
    public func writeHeader(_ session: SessionRecord, to output: TextOutput) {
        let facts = "\(session.createdAt) · \(session.model) · \(session.dataSource)"
        if isMarkdown {
            output.write("# \(Self.markdownText(session.title))\n\n")
            output.write("Session `\(session.id)` · \(Self.markdownText(facts))\n")
            if let origin = session.replayOf { output.write("\nRe-asks session `\(origin)`.\n") }
        } else {
            output.write(TextStyle(enabled: color).bold("session \(session.id)") + " · \(facts)\n")
            if let origin = session.replayOf { output.write("re-asks session \(origin)\n") }
        }
    }

    public func write(_ turn: TranscriptTurn, to output: TextOutput) {
        let style = TextStyle(enabled: color)
        if isMarkdown {
            output.write("\n## \(turn.number). \(Self.markdownText(turn.question))\n\n")
            if !turn.words.isEmpty { output.write(turn.words + "\n\n") }
            if let sql = turn.sql { output.write("```sql\n\(sql)\n```\n\n") }
        } else {
            output.write("\n" + style.bold("\(turn.number)> \(turn.question)") + "\n")
            if !turn.words.isEmpty { output.write(style.dim(turn.words) + "\n") }
            if let sql = turn.sql { output.write(style.cyan(sql) + "\n") }
        }
        if let result = turn.result, !result.columns.isEmpty {
            ResultRenderer.render(
                result,
                options: RenderOptions(
                    format: isMarkdown ? .markdown : format, color: color, terminalWidth: terminalWidth,
                    showRowCount: false),
                to: output)
            if isMarkdown { output.write("\n") }
        }
        output.write(statusLine(turn) + "\n")
        if turn.confirmed {
            output.write(isMarkdown ? "\n*confirmed as right (\\\\good)*\n" : "-- confirmed as right (\\good)\n")
        }
        if let check = turn.check {
            output.write(isMarkdown ? "\n**check: \(Self.markdownText(check.line))**\n" : "check: \(check.line)\n")
            writeDifferingRows(check, to: output)
        }
    }

    /// `-- ok · 5 rows · 412 ms (model 380 ms, query 12 ms)`, or the error, in a markdown paragraph or a SQL comment.
    func statusLine(_ turn: TranscriptTurn) -> String {
        var parts = [turn.status]
        // A cancelled turn's saved error is the word itself: `-- cancelled`, not `-- cancelled: cancelled`.
        if let error = turn.error, error != turn.status { parts[0] += ": " + error }
        if let rows = turn.rowsText { parts.append(rows) }
        if let timing = turn.timingText { parts.append(timing) }
        if turn.attempts > 1 { parts.append("\(turn.attempts) attempts") }
        if let prompt = turn.promptTokens, let completion = turn.completionTokens {
            parts.append("\(prompt) + \(completion) tokens")
        }
        let line = parts.joined(separator: " · ")
        return isMarkdown ? "*" + Self.markdownText(line) + "*" : "-- " + line
    }

    func writeDifferingRows(_ check: TurnCheck, to output: TextOutput) {
        guard !check.removedRows.isEmpty || !check.addedRows.isEmpty else { return }
        func text(_ row: [String?]) -> String { row.map { $0 ?? "NULL" }.joined(separator: " | ") }
        let prefix = isMarkdown ? "    " : "  "
        for row in check.removedRows { output.write(prefix + "- " + text(row) + "\n") }
        for row in check.addedRows { output.write(prefix + "+ " + text(row) + "\n") }
    }

    /// Text with markdown's active characters escaped, so a question such as `*all* orders` reads as typed.
    static func markdownText(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
