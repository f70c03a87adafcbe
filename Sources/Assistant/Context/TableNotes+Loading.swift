import FoundationEssentials
import LLM

extension TableNotes {
    /// Reads a notes file (`--table-context`), refusing what cannot be notes: a file that is not text
    /// (a NUL byte or bytes that are not UTF-8: an image, an executable), and one larger than the whole
    /// prompt budget, which would go, mostly cut, with every question. One line says which.
    public static func load(path: String, budgetTokens: Int) throws(AssistantError) -> String {
        let hint = "check --table-context or DATACHAT_TABLE_CONTEXT"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AssistantError(.configuration, "cannot read the table notes \(path): \(hint)")
        }
        let bytes = [UInt8](data)
        guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else {
            throw AssistantError(
                .configuration,
                "the table notes \(path) are not text (a NUL byte, or bytes that are not UTF-8): they must be plain "
                    + "text or markdown in UTF-8; \(hint)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let tokens = TokenEstimate.count(text)
        guard tokens <= budgetTokens else {
            throw AssistantError(
                .configuration,
                "the table notes \(path) are about \(tokens) tokens (\(bytes.count) bytes), more than the whole prompt budget "
                    + "of \(budgetTokens) (DATACHAT_CONTEXT_BUDGET): shorten them or raise the budget")
        }
        return text
    }
}
