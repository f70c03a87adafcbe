import Assistant
import Render

/// `datachat -q`: one question, its result on standard output, and an exit code scripts can test.
struct OneShot {
    let context: AppContext
    /// `--remember`: confirm the answer as an example once it ran, as `\good` does in a session.
    var remember = false

    func run(_ question: String) -> Int32 {
        let output = FileOutput.standardOutput()
        let printer = ResultPrinter(settings: context.settings, output: output, explain: StandardError.isTerminal)
        let outcome = context.assistant.ask(question, observer: printer, isCancelled: Interrupt.check)
        output.flush()
        guard let failure = outcome.failure else { return remember ? rememberAnswer() : ExitStatus.answered }
        StandardError.error(failure.message)
        if remember { StandardError.error("not remembered: only an answer that ran becomes an example") }
        return ExitStatus.code(for: failure)
    }

    /// Confirms the turn just answered; a store that cannot save it fails the run, since the flag promised it.
    private func rememberAnswer() -> Int32 {
        do {
            try context.assistant.confirmLastAnswer()
            StandardError.write("datachat: remembered as an example for similar questions on this database\n")
            return ExitStatus.answered
        } catch {
            StandardError.error(error.message)
            return ExitStatus.code(for: .assistant(error))
        }
    }
}
