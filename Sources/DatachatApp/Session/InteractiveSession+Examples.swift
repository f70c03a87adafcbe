import Assistant
import History

extension InteractiveSession {
    /// `\good` marks the last answer as right, `\good off` takes the mark off, saying which turn it was.
    func markAnswer(_ argument: String) {
        switch argument.lowercased() {
        case "":
            do {
                let example = try context.assistant.confirmLastAnswer()
                say(
                    "Marked as right: \(Self.turnSummary(example)). Similar questions on this database will be "
                        + "shown it as an example.\n")
            } catch {
                StandardError.error(error.message)
            }
        case "off":
            do {
                if let example = try context.assistant.unconfirmLastAnswer() {
                    say("Unmarked: \(Self.turnSummary(example)). It is no longer shown as an example.\n")
                } else {
                    say("The last answer was not marked as right.\n")
                }
            } catch {
                StandardError.error(error.message)
            }
        default:
            _ = usage(.good)
        }
    }

    /// The question in quotes and the first line of its SQL, so the user sees which turn the mark went to.
    static func turnSummary(_ example: ConfirmedExample) -> String {
        let lines = example.sql.split(whereSeparator: \.isNewline)
        let first = lines.first.map(String.init) ?? ""
        return "\"\(example.question)\" → \(first)\(lines.count > 1 ? " …" : "")"
    }
}
