import Assistant
import Basics
import Render

/// `datachat -q`: one question, its result on standard output, and an exit code scripts can test.
struct OneShot {
    let context: AppContext
    /// `--remember`: confirm the answer as an example once it ran, as `\good` does in a session.
    var remember = false
    /// `--chart`, `--chart-out`.
    var chart = ChartRequest()

    func run(_ question: String) -> Int32 {
        let output = FileOutput.standardOutput()
        let printer = ResultPrinter(
            settings: context.settings, output: output, explain: true, chart: chart.isEmpty ? nil : (chart, question))
        let outcome = context.assistant.ask(question, observer: printer)
        output.flush()
        if let unsaved = outcome.historyFailure { StandardError.error(unsaved.message) }
        if let chartFailure = printer.chartFailure {
            StandardError.error(chartFailure.message)
            return chartFailure.exitCode
        }
        guard let failure = outcome.failure else {
            return remember && outcome.historyFailure == nil ? rememberAnswer() : ExitStatus.code(for: outcome)
        }
        // An answer in words is an answer, not an error (the printer has shown the words on standard error);
        // exit 6 still tells a script there is no result.
        if !outcome.isAnswerInWords {
            StandardError.error(failure.message + Self.hint(for: failure, settings: context.settings))
        } else if let reply = outcome.reply, ProseFilter.prose(of: reply).isEmpty {
            // All of the words were in a block, which the printer leaves out as it would SQL.
            StandardError.write(ProseFilter.words(ofAnswerInWords: reply) + "\n")
        }
        // Exit 6 is an answer in words, with no `datachat:` line: nothing to remember, nothing to say.
        if remember, !outcome.isAnswerInWords {
            StandardError.error("not remembered: only an answer that ran becomes an example")
        }
        return ExitStatus.code(for: outcome)
    }

    /// With no endpoint configured, a missing key is not the only way out: the local model is one command.
    static func hint(for failure: TurnFailure, settings: Settings) -> String {
        guard !settings.endpointConfigured, case .endpoint(let error) = failure, error.code == .missingKey else {
            return ""
        }
        return "; or run `\(LocalModel.setupCommand)` for a model on this machine (no key, no data leaves it)"
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
