import Assistant
import Basics
import Render
import Replay

extension ReplayCommand {
    /// `replay --reask`: the questions again, a line per turn, the two SQL side by side when they differ.
    struct Reask {
        let context: AppContext
        let session: SavedSession

        func run() throws -> Int32 {
            guard !session.turns.isEmpty else {
                throw CommandFailure("session \(session.record.id.prefix(8)) has no question to ask again")
            }
            let output = FileOutput.standardOutput()
            let style = TextStyle(enabled: Terminal.outputIsTerminal && context.settings.color)
            let width = (Terminal.outputIsTerminal ? Terminal.width : nil) ?? 120
            let json = context.settings.format == .json || context.settings.format == .jsonl
            if context.settings.format == .json { output.write("[") }
            var printed = 0
            let reasker = SessionReasker(assistant: context.assistant)
            let report: ReaskReport
            do {
                report = try reasker.reask(session.record, turns: session.turns) {
                    turn in
                    if json {
                        let separator = context.settings.format == .json ? (printed == 0 ? "\n" : ",\n") : ""
                        output.write(separator + Self.json(turn) + (context.settings.format == .jsonl ? "\n" : ""))
                    } else {
                        output.write("\n" + style.bold("\(turn.number)> \(turn.question)") + "\n" + turn.line + "\n")
                        if turn.verdict != .same {
                            output.write(
                                SideBySide.render(
                                    left: turn.savedSQL ?? "(none)", right: turn.newSQL ?? "(none)",
                                    leftTitle: "saved SQL", rightTitle: "new SQL (\(context.assistant.model))",
                                    width: width))
                        }
                    }
                    printed += 1
                    output.flush()
                }
            } catch {
                throw CommandFailure(error.message, exitCode: ExitStatus.databaseError)
            }
            if context.settings.format == .json { output.write(printed == 0 ? "]\n" : "\n]\n") }
            output.flush()
            StandardError.write(report.summary + "\n")
            if report.turns.count < session.turns.count { return ExitStatus.interrupted }
            return report.count(.same) == report.turns.count ? ExitStatus.answered : ExitStatus.differs
        }

        static func json(_ turn: ReaskedTurn) -> String {
            func string(_ text: String?) -> String { text.map(JSONText.quoted) ?? "null" }
            return "{\"turn\": \(turn.number), \"question\": \(string(turn.question)), "
                + "\"verdict\": \(string(turn.verdict.rawValue)), \"detail\": \(string(turn.detail)), "
                + "\"saved_sql\": \(string(turn.savedSQL)), \"new_sql\": \(string(turn.newSQL)), "
                + "\"prompt_tokens\": \(turn.usage.promptTokens), \"completion_tokens\": \(turn.usage.completionTokens), "
                + "\"ms\": \(ValueFormatter.format(turn.milliseconds))}"
        }
    }
}
