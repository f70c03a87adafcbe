/// Text taken from the database or its owner, fenced so the model reads it as material, never as
/// orders: a fence longer than any run of backticks inside, so the text cannot close it.
enum DataFence {
    static func wrap(_ text: String, language: String = "") -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + language + "\n" + text + "\n" + fence
    }
}
