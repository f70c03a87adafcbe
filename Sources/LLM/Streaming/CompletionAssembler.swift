/// Builds one answer from what the endpoint sends: streamed events, or one JSON body from servers
/// that ignore `stream: true`. Hands each settled piece of visible text on at once.
struct CompletionAssembler {
    let host: String
    let apiKey: String?
    private(set) var text = ""
    private(set) var model: String?
    private(set) var finishReason: String?
    private(set) var usage: (prompt: Int, completion: Int)?
    /// `data: [DONE]` arrived.
    private(set) var sawDone = false
    /// At least one object with a non-empty `choices`.
    private(set) var sawChoice = false
    private(set) var reasoningCharacters = 0
    private(set) var refusal = ""
    private var think = ThinkFilter()

    init(host: String, apiKey: String?) {
        self.host = host
        self.apiKey = apiKey
    }

    /// Takes one server-sent event; returns the visible text it settled ("" for none).
    mutating func consume(_ event: SSEEvent) throws(LLMError) -> String {
        if event.data.count == 6, event.data.elementsEqual("[DONE]".utf8) {
            sawDone = true
            return ""
        }
        if event.data.isEmpty { return "" }
        guard let chunk = ChatChunk.decode(event.data) else {
            throw LLMError(
                .invalidResponse,
                "\(host) sent a stream event that is not valid JSON (\(Self.excerpt(event.text))): "
                    + "check that OPENAI_BASE_URL is an OpenAI-compatible API")
        }
        return try consume(chunk, event: event.name)
    }

    /// Takes a whole non-streaming `chat.completion` body.
    mutating func consumeWhole(_ body: [UInt8]) throws(LLMError) -> String {
        guard let chunk = ChatChunk.decode(body) else {
            throw LLMError(
                .invalidResponse,
                "\(host)'s answer is not valid chat-completion JSON (\(Self.excerpt(String(decoding: body, as: UTF8.self)))): "
                    + "check that OPENAI_BASE_URL is an OpenAI-compatible API (it usually ends in /v1)")
        }
        let visible = try consume(chunk, event: nil)
        sawDone = true
        return visible
    }

    private mutating func consume(_ chunk: ChatChunk, event: String?) throws(LLMError) -> String {
        if let error = chunk.error {
            let message = Redaction.removing(apiKey, from: error.message ?? "no details")
            throw LLMError(
                .serverError, "\(host) reported an error part-way through the answer: \(message)", isTransient: true)
        }
        if event == "error" {
            throw LLMError(.serverError, "\(host) reported an error part-way through the answer", isTransient: true)
        }
        if let name = chunk.model, !name.isEmpty { model = name }
        if let reported = chunk.usage, let prompt = reported.prompt_tokens, let completion = reported.completion_tokens
        {
            usage = (prompt, completion)
        }
        guard let choice = chunk.choices?.first else { return "" }
        sawChoice = true
        if let reason = choice.finish_reason { finishReason = reason }
        guard let part = choice.delta ?? choice.message else { return "" }
        reasoningCharacters += (part.reasoning_content?.count ?? 0) + (part.reasoning?.count ?? 0)
        if let refused = part.refusal { refusal += refused }
        guard let content = part.content, !content.isEmpty else { return "" }
        let visible = think.filter(content)
        text += visible
        return visible
    }

    /// The end of the body: releases text held back by the `<think>` filter.
    mutating func finish() -> String {
        let visible = think.finish()
        text += visible
        reasoningCharacters += think.hiddenBytes
        return visible
    }

    /// Checks that the answer is whole and usable; `expectsLength` when the caller capped the tokens itself.
    func validate(streamed: Bool, expectsLength: Bool) throws(LLMError) {
        guard sawChoice else {
            if streamed && !sawDone {
                throw LLMError(
                    .truncated, "\(host)'s stream ended before any answer arrived: try again", isTransient: true)
            }
            throw LLMError(
                .invalidResponse, "\(host) answered with no choices: check that the model \"\(model ?? "")\" can chat")
        }
        if streamed, finishReason == nil, !sawDone {
            throw LLMError(
                .truncated, "\(host)'s answer broke off part-way (the stream ended without finishing): try again",
                isTransient: true)
        }
        switch finishReason {
        case "content_filter":
            throw LLMError(
                .contentFiltered, "\(host)'s content filter withheld the answer: rephrase the question")
        case "length" where !expectsLength:
            throw LLMError(
                .lengthLimit,
                "the model stopped at its length limit before finishing the answer: ask a narrower question, or use a model with a longer output limit"
            )
        default:
            break
        }
        if text.isEmpty, !refusal.isEmpty {
            throw LLMError(
                .contentFiltered, "the model refused to answer (\(Self.excerpt(refusal))): rephrase the question")
        }
    }

    /// The start of a server's text, on one line, for a message.
    static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        return line.count > 80 ? String(line.prefix(79)) + "…" : line
    }
}
