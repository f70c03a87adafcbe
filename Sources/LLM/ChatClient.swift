import FoundationEssentials

/// Asks an OpenAI-compatible `/chat/completions` endpoint for an answer.
///
/// One client per endpoint; it keeps its libcurl handle so that later turns reuse the connection.
/// Blocking: call it from a thread of its own, never from Swift's cooperative pool.
public final class ChatClient {
    public let configuration: LLMConfiguration
    private var easy: CurlEasy?

    public init(configuration: LLMConfiguration) {
        self.configuration = configuration
    }

    /// Sends `messages` and returns the whole answer; `onText` is handed the answer's text as it
    /// arrives, so a terminal can show it while the model writes.
    public func complete(
        _ messages: [ChatMessage], isCancelled: (@Sendable () -> Bool)? = nil, onText: ((String) -> Void)? = nil
    ) throws(LLMError) -> ChatCompletion {
        if configuration.requiresKey, (configuration.apiKey ?? "").isEmpty {
            throw LLMError(
                .missingKey,
                "OPENAI_API_KEY is not set: export it (or put it in .env), or point OPENAI_BASE_URL at a local server")
        }
        let request = HTTPRequest(
            method: "POST", url: endpointURL("chat/completions"), headers: headers(),
            body: try requestBody(messages), connectTimeout: configuration.connectTimeout,
            totalTimeout: configuration.totalTimeout)
        let response = try handle().perform(request, isCancelled: isCancelled)
        guard (200..<300).contains(response.status) else {
            throw Self.error(for: response, model: configuration.model, host: configuration.endpointHost)
        }
        let completion = try decodeCompletion(response, messages: messages)
        onText?(completion.text)
        return completion
    }

    private func handle() throws(LLMError) -> CurlEasy {
        if let easy { return easy }
        let created = try CurlEasy()
        easy = created
        return created
    }

    /// The base URL joined with `path`, keeping any query (Azure's `api-version`) at the end.
    func endpointURL(_ path: String) -> String {
        var base = configuration.baseURL
        var query = ""
        if let mark = base.firstIndex(of: "?") {
            query = String(base[mark...])
            base = String(base[..<mark])
        }
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/" + path + query
    }

    private func headers() -> [(String, String)] {
        var headers = [("Content-Type", "application/json"), ("Accept", "application/json")]
        if let key = configuration.apiKey, !key.isEmpty {
            headers.append(("Authorization", "Bearer \(key)"))
        }
        return headers + configuration.extraHeaders
    }

    private struct RequestBody: Encodable {
        var model: String
        var messages: [ChatMessage]
        var temperature: Double?
        var stream: Bool
    }

    private func requestBody(_ messages: [ChatMessage]) throws(LLMError) -> [UInt8] {
        let body = RequestBody(
            model: configuration.model, messages: messages, temperature: configuration.temperature, stream: false)
        do {
            return [UInt8](try JSONEncoder().encode(body))
        } catch {
            throw LLMError(.invalidConfiguration, "cannot encode the request: \(error)")
        }
    }

    private struct ResponseBody: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable {
                var content: String?
            }
            var message: Message?
            var finish_reason: String?
        }
        struct Usage: Decodable {
            var prompt_tokens: Int?
            var completion_tokens: Int?
        }
        var model: String?
        var choices: [Choice]?
        var usage: Usage?
    }

    private func decodeCompletion(_ response: HTTPResponse, messages: [ChatMessage]) throws(LLMError) -> ChatCompletion {
        let body: ResponseBody
        do {
            body = try JSONDecoder().decode(ResponseBody.self, from: Data(response.body))
        } catch {
            throw LLMError(
                .invalidResponse,
                "the endpoint's answer is not valid chat-completion JSON: check that OPENAI_BASE_URL is an OpenAI-compatible API",
                status: response.status)
        }
        guard let choice = body.choices?.first else {
            throw LLMError(.invalidResponse, "the endpoint answered with no choices", status: response.status)
        }
        if choice.finish_reason == "content_filter" {
            throw LLMError(.invalidResponse, "the endpoint's content filter withheld the answer: rephrase the question")
        }
        let text = choice.message?.content ?? ""
        let usage: TokenUsage
        if let prompt = body.usage?.prompt_tokens, let completion = body.usage?.completion_tokens {
            usage = TokenUsage(promptTokens: prompt, completionTokens: completion, isEstimate: false)
        } else {
            usage = TokenUsage.estimate(prompt: messages, completion: text)
        }
        return ChatCompletion(
            text: text, model: body.model ?? configuration.model, finishReason: choice.finish_reason, usage: usage,
            firstByteSeconds: response.firstByteSeconds, totalSeconds: response.totalSeconds)
    }

    private struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var message: String?
            var code: String?
        }
        var error: Detail?
    }

    /// Turns a non-2xx answer into what the user should do about it.
    static func error(for response: HTTPResponse, model: String, host: String) -> LLMError {
        let detail = try? JSONDecoder().decode(ErrorBody.self, from: Data(response.body)).error
        let serverMessage = (detail?.message).map { ": \($0)" } ?? ""
        let status = response.status
        let retryAfter = response.header("Retry-After").flatMap(Double.init)
        switch status {
        case 401, 403:
            return LLMError(
                .unauthorized, "\(host) refused the API key (HTTP \(status)): check OPENAI_API_KEY", status: status)
        case 404 where detail?.code == "model_not_found" || (detail?.message ?? "").lowercased().contains("model"):
            return LLMError(
                .modelNotFound, "\(host) has no model \"\(model)\": set DATACHAT_MODEL or --model", status: status)
        case 404:
            return LLMError(
                .badRequest, "\(host) has no chat-completions API at that address (HTTP 404): check OPENAI_BASE_URL (it usually ends in /v1)",
                status: status)
        case 429:
            return LLMError(
                .rateLimited, "\(host) is rate limiting requests (HTTP 429)\(serverMessage): wait and try again",
                status: status, retryAfter: retryAfter)
        case 500...599:
            return LLMError(
                .serverError, "\(host) failed (HTTP \(status))\(serverMessage): try again later", status: status,
                retryAfter: retryAfter)
        default:
            return LLMError(.badRequest, "\(host) rejected the request (HTTP \(status))\(serverMessage)", status: status)
        }
    }
}
