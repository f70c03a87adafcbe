import FoundationEssentials

/// The parts of a `chat.completion` or `chat.completion.chunk` object datachat reads.
///
/// One shape for both: a streamed chunk carries `delta`, a whole answer `message`. Reasoning comes as
/// `reasoning_content` (DeepSeek, vLLM, llama.cpp) or `reasoning` (OpenRouter, Ollama) and is never
/// part of the answer. An `error` object may arrive instead, even in the middle of a stream.
///
/// The properties are spelled as the wire spells them, so the decoder needs no key strategy.
// swift-format-ignore: AlwaysUseLowerCamelCase
struct ChatChunk: Decodable {
    struct Choice: Decodable {
        struct Text: Decodable {
            var content: String?
            var reasoning_content: String?
            var reasoning: String?
            var refusal: String?
        }
        var delta: Text?
        var message: Text?
        var finish_reason: String?
    }
    struct Usage: Decodable {
        var prompt_tokens: Int?
        var completion_tokens: Int?
    }
    struct ErrorDetail: Decodable {
        var message: String?
        var code: StringOrNumber?
        var type: String?
    }

    var model: String?
    var choices: [Choice]?
    var usage: Usage?
    var error: ErrorDetail?

    static func decode(_ bytes: [UInt8]) -> ChatChunk? {
        try? JSONDecoder().decode(ChatChunk.self, from: Data(bytes))
    }
}

/// An error `code` that servers send as a string ("model_not_found") or a number (429).
struct StringOrNumber: Decodable, Hashable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.text = text
        } else {
            self.text = String(try container.decode(Int.self))
        }
    }
}
