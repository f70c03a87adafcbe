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
        // An answer in words is an answer, not an error; exit 6 still tells a script there is no result.
        if case .noSQL(let reply) = failure {
            // On a terminal the printer has shown the words already, as they came.
            if !StandardError.isTerminal { StandardError.write(reply.trimmedLine() + "\n") }
            return ExitStatus.code(for: failure)
        }
        StandardError.error(failure.message + Self.hint(for: failure, settings: context.settings))
        return ExitStatus.code(for: failure)
    }

    /// With no endpoint configured, a missing key is not the only way out: the local model is one command.
    static func hint(for failure: TurnFailure, settings: Settings) -> String {
        guard !settings.endpointConfigured, case .endpoint(let error) = failure, error.code == .missingKey else {
            return ""
        }
        return "; or run `\(LocalModel.setupCommand)` for a model on this machine (no key, no data leaves it)"
    }
}
