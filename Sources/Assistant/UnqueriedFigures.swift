/// Figures in an answer that came with no query: the model has seen the schema, row estimates and a few
/// values, never the data, so a number it states on its own is a guess (the 0.5B model answered "There
/// are 40,000 customers" to 11 of 70 questions). Such an answer is asked again rather than shown as the
/// answer while calls remain.
enum UnqueriedFigures {
    /// True when `reply` states a number that `question` does not, and asks nothing back: a question to
    /// the user ("2023 or 2024?") is an answer in words however many numbers it holds.
    static func stated(in reply: String, asking question: String) -> Bool {
        guard !reply.contains("?") else { return false }
        let asked = Set(numbers(in: question))
        return numbers(in: reply).contains { !asked.contains($0) }
    }

    /// The numbers of `text` with their digit-group separators dropped (`40,000` is `40000`); digits inside
    /// a word (`q4`, `order_items2`) are no figure.
    static func numbers(in text: String) -> [String] {
        var found: [String] = []
        var current = ""
        var previous: Character = " "
        var pendingSeparator = false
        func finish() {
            if !current.isEmpty { found.append(current) }
            current = ""
            pendingSeparator = false
        }
        for character in text {
            if character.isASCII, character.isNumber {
                // A digit after a letter or `_` begins no number, nor do the digits that follow it.
                if current.isEmpty, previous.isLetter || previous == "_" || previous.isNumber {
                    previous = character
                    continue
                }
                pendingSeparator = false
                current.append(character)
            } else if character == "," || character == ".", !current.isEmpty, !pendingSeparator {
                pendingSeparator = true
            } else {
                finish()
            }
            previous = character
        }
        finish()
        return found
    }
}
