import Assistant
import FoundationEssentials
import Render

/// `datachat` with no question: a conversation on one database, one question a line.
///
/// On a terminal it edits lines with libedit and keeps their history across runs; on a pipe it reads
/// one question a line and prints only the answers, so `datachat < questions.txt` works in scripts.
struct InteractiveSession {
    let context: AppContext

    func run() -> Int32 {
        let interactive = Terminal.inputIsTerminal
        let editor = interactive ? LineEditor(program: "datachat", historyFile: historyFile()) : nil
        if interactive {
            StandardError.write(
                "datachat \(Settings.version) on \(context.location.redacted). Ask a question; \\q quits.\n")
        }
        var lastFailureCode = ExitStatus.answered
        while true {
            Interrupt.reset()
            let line: String?
            if let editor {
                line = editor.readLine(prompt: "datachat> ")
            } else {
                line = Swift.readLine()
            }
            guard let line else { break }
            let question = line.trimmedLine()
            if question.isEmpty { continue }
            editor?.remember(question)
            if question == "\\q" || question == "quit" || question == "exit" { break }
            let output = FileOutput.standardOutput()
            let printer = ResultPrinter(settings: context.settings, output: output, explain: interactive)
            let outcome = context.assistant.ask(question, observer: printer, isCancelled: Interrupt.check)
            output.flush()
            if let failure = outcome.failure {
                StandardError.error(failure.message)
                lastFailureCode = ExitStatus.code(for: failure)
            }
        }
        if interactive { StandardError.write("\n") }
        // Piped input reports the last failure, so a script notices; a person quitting does not need it.
        return interactive ? ExitStatus.answered : lastFailureCode
    }

    private func historyFile() -> String? {
        let folder = context.settings.stateDirectory
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/history"
    }
}

extension String {
    func trimmedLine() -> String {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return String(self[start..<Swift.max(start, end)])
    }
}
