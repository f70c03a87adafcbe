import Basics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Answers chat-completions requests from the script: picks the rule, counts its turn, and sends either
/// the scripted fault or the reply, as one JSON object or as an event stream.
struct ChatCompletions: Sendable {
    let script: Script
    let counters: RuleCounters

    /// Returns whether the connection may take another request.
    func respond(
        to request: ChatRequest, model: String, writer: ResponseWriter, keepAlive: Bool,
        chunked: Bool
    ) -> Bool {
        let index = script.ruleIndex(lastUser: request.lastUser, system: request.system)
        let rule = script.rule(at: index)
        let turn = counters.nextTurn(ruleIndex: index, fault: rule.fault)
        // A thread per connection makes blocking here harmless.
        Cancellation.never.sleep(for: .milliseconds(rule.delayMs))

        let number: Int
        switch turn {
        case .fault(let fault):
            let headers =
                (fault.retryAfter.map { [("Retry-After", $0)] } ?? [])
                + (fault.location.map { [("Location", $0)] } ?? [])
            writer.respond(
                status: fault.status, headers: headers,
                body: fault.body ?? OpenAIError.body(forStatus: fault.status), close: !keepAlive)
            return keepAlive
        case .reply(let n):
            number = n
        }

        let completion = Completion(request: request, rule: rule, model: model, number: number)
        if request.stream {
            return SSEWriter(writer: writer, chunked: chunked, rule: rule)
                .stream(completion, includeUsage: request.includeUsage, keepAlive: keepAlive)
        }
        writer.respond(status: 200, body: completion.json, close: !keepAlive)
        return keepAlive
    }
}

/// One reply, with everything both the JSON and the streamed forms need.
struct Completion {
    let id: String
    let created: Int
    let model: String
    let content: String
    let reasoning: String?
    let finishReason: String
    /// `nil` when the rule says `no_usage`.
    let usage: Usage?
    let emptyChoices: Bool

    struct Usage {
        let prompt: Int
        let completion: Int
        let total: Int

        var json: String {
            #"{"prompt_tokens":\#(prompt),"completion_tokens":\#(completion),"total_tokens":\#(total)}"#
        }
    }

    init(request: ChatRequest, rule: Rule, model: String, number: Int) {
        id = "chatcmpl-fake" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        created = time(nil)
        self.model = model
        content = rule.reply(number: number, lastUser: request.lastUser)
        reasoning = rule.reasoning
        finishReason = rule.finishReason ?? "stop"
        emptyChoices = rule.emptyChoices
        if rule.noUsage {
            usage = nil
        } else {
            // Estimate: a token is about four characters.
            let replyCharacters = ChatRequest.scalarCount(content) + (reasoning.map(ChatRequest.scalarCount) ?? 0)
            let prompt = rule.usage.promptTokens ?? (request.promptCharacters + 3) / 4
            let completion = rule.usage.completionTokens ?? (replyCharacters + 3) / 4
            usage = Usage(prompt: prompt, completion: completion, total: rule.usage.totalTokens ?? prompt + completion)
        }
    }

    /// The non-streaming `chat.completion` object.
    var json: String {
        var message = #"{"role":"assistant","content":"# + JSONText.quoted(content)
        if let reasoning { message += #","reasoning_content":"# + JSONText.quoted(reasoning) }
        message += #","refusal":null}"#
        let choices =
            emptyChoices
            ? "[]"
            : #"[{"index":0,"message":\#(message),"logprobs":null,"finish_reason":\#(JSONText.quoted(finishReason))}]"#
        var object =
            #"{"id":"\#(id)","object":"chat.completion","created":\#(created),"model":"#
            + JSONText.quoted(model) + #","choices":"# + choices
        if let usage { object += #","usage":"# + usage.json }
        object += #","system_fingerprint":"fp_fakellm"}"#
        return object
    }
}
