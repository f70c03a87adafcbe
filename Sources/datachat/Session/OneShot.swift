import Assistant
import Render

/// `datachat -q`: one question, its result on standard output, and an exit code scripts can test.
struct OneShot {
    let context: AppContext

    func run(_ question: String) -> Int32 {
        let output = FileOutput.standardOutput()
        let printer = ResultPrinter(settings: context.settings, output: output, explain: StandardError.isTerminal)
        let outcome = context.assistant.ask(question, observer: printer, isCancelled: Interrupt.check)
        output.flush()
        guard let failure = outcome.failure else { return ExitStatus.answered }
        StandardError.error(failure.message)
        return ExitStatus.code(for: failure)
    }
}
