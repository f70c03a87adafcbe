import LLM

/// A token count good enough to hold a budget without a tokenizer: one token per 3.5 bytes of UTF-8,
/// plus 4 a message for the chat template's role markers.
///
/// Measured with the Qwen2.5 tokenizer (llama.cpp's `/tokenize`): English notes run about 3.9 bytes a
/// token and CREATE TABLE text with snake_case names about 3.3, so 3.5 errs a little high on prose and
/// a little low on DDL; docs/SHARING.md has the figures. Budgets are kept on this estimate.
public enum TokenEstimate {
    public static func count(_ text: String) -> Int {
        (text.utf8.count * 2 + 6) / 7
    }

    public static func count(_ messages: [ChatMessage]) -> Int {
        messages.reduce(0) { $0 + count($1.content) + 4 }
    }
}

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
