import Render

/// A blank line between two answers on standard output when the session reads a pipe, as psql leaves one
/// after each result: `datachat < questions.txt` then reads as answers, not one run-on table. Answers that
/// print nothing (an error, said on standard error) add no line; `jsonl` gets none, since there every line
/// is a row.
final class AnswerSeparator {
    private var wroteAnswer = false

    /// Standard output for the next answer: its first text starts with the blank line when an answer came
    /// before it.
    func output(separating: Bool) -> TextOutput {
        SeparatedOutput(separator: self, separating: separating)
    }

    fileprivate func startAnswer() -> Bool {
        defer { wroteAnswer = true }
        return wroteAnswer
    }
}

/// Standard output that writes the separator before its first text.
private final class SeparatedOutput: TextOutput {
    private let file = FileOutput.standardOutput()
    private let separator: AnswerSeparator
    private var pending: Bool

    init(separator: AnswerSeparator, separating: Bool) {
        self.separator = separator
        pending = separating
    }

    func write(_ text: String) {
        separateBefore(empty: text.isEmpty)
        file.write(text)
    }

    func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        separateBefore(empty: bytes.isEmpty)
        file.write(utf8: bytes)
    }

    /// The blank line before this answer's first text, when an answer came before it.
    private func separateBefore(empty: Bool) {
        guard pending, !empty else { return }
        pending = false
        if separator.startAnswer() { file.write("\n") }
    }

    func flush() { file.flush() }
    var waitedOnReader: Duration { file.waitedOnReader }
}
