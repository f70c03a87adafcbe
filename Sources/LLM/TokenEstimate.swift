/// A token count good enough to hold a budget without a tokenizer: one token per 3.5 bytes of UTF-8,
/// plus 4 a message for the chat template's role markers. The context builder holds its budget on it, and
/// `TokenUsage.estimate` counts with it when a server reports no usage.
///
/// Measured with the Qwen2.5 tokenizer (llama.cpp's `/tokenize`): English notes run about 3.9 bytes a
/// token and CREATE TABLE text with snake_case names about 3.3, so 3.5 errs a little high on prose and
/// a little low on DDL; docs/SHARING.md has the figures. Budgets are kept on this estimate.
public enum TokenEstimate {
    public static func count(_ text: String) -> Int {
        (text.utf8.count * 2 + 6) / 7
    }

    /// For text known only by its length in characters (reasoning the stream dropped), taken as one byte each.
    public static func count(characters: Int) -> Int {
        (characters * 2 + 6) / 7
    }

    public static func count(_ messages: [ChatMessage]) -> Int {
        messages.reduce(0) { $0 + count($1.content) + 4 }
    }
}
