import FoundationEssentials

/// Non-2xx answers as what the user should do about them.
extension ChatClient {
    private struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var message: String?
            var code: StringOrNumber?
            var type: String?
        }
        var error: Detail?
        /// Some servers (Ollama's older builds, vLLM's validation errors) send `{"error": "text"}` or `{"detail": …}`.
        var message: String?
    }

    /// Turns a non-2xx answer into one line that says what to do, marked transient when a retry may help.
    static func error(for response: HTTPResponse, configuration: LLMConfiguration) -> LLMError {
        let host = configuration.endpointHost
        let model = configuration.model
        let status = response.status
        let detail = try? JSONDecoder().decode(ErrorBody.self, from: Data(response.body))
        let rawMessage =
            detail?.error?.message ?? detail?.message
            ?? (try? JSONDecoder().decode(PlainError.self, from: Data(response.body)))?.error
        let serverText = rawMessage.map {
            Redaction.removing(configuration.apiKey, from: CompletionAssembler.excerpt($0))
        }
        let serverMessage = serverText.map { ": \($0)" } ?? ""
        let code = detail?.error?.code?.text.lowercased() ?? ""
        let lowered = (rawMessage ?? "").lowercased()
        let retryAfter = RetryPolicy.retryAfter(
            seconds: response.header("Retry-After"), milliseconds: response.header("retry-after-ms"),
            now: Date.now.timeIntervalSince1970)
        let transient = RetryPolicy.retryableStatuses.contains(status)

        switch status {
        case 300...399:
            // Not followed: the key would go along to wherever the server points.
            let target = response.header("Location").map { " to \(Redaction.url($0))" } ?? ""
            return LLMError(
                .badRequest,
                "\(host) redirected the request (HTTP \(status))\(target): datachat does not follow redirects; "
                    + "point OPENAI_BASE_URL there if you trust it",
                status: status)
        case 401:
            // The server's own text is left out: OpenAI echoes part of the key in it.
            if (configuration.apiKey ?? "").isEmpty {
                return LLMError(
                    .unauthorized, "\(host) wants an API key (HTTP 401): set OPENAI_API_KEY", status: status)
            }
            return LLMError(
                .unauthorized, "\(host) refused the API key (HTTP 401): check OPENAI_API_KEY", status: status)
        case 403:
            return LLMError(
                .unauthorized,
                "\(host) refused access (HTTP 403): check that OPENAI_API_KEY may use the model \"\(model)\"",
                status: status)
        case 404 where code == "deploymentnotfound":
            return LLMError(
                .modelNotFound,
                "\(host) has no deployment named in OPENAI_BASE_URL (HTTP 404): check the deployment name",
                status: status)
        case 400 where Self.isMissingModel(code: code, message: lowered),
            404 where Self.isMissingModel(code: code, message: lowered):
            return LLMError(
                .modelNotFound, "\(host) has no model \"\(model)\": set DATACHAT_MODEL or --model", status: status)
        case 404:
            return LLMError(
                .badRequest,
                "\(host) has no chat-completions API at that address (HTTP 404): check OPENAI_BASE_URL (it usually ends in /v1)",
                status: status)
        case 400 where code == "content_filter" || lowered.contains("content management policy"):
            return LLMError(
                .contentFiltered, "\(host)'s content filter refused the question: rephrase it", status: status)
        case 400...599 where Self.isContextOverflow(code: code, type: detail?.error?.type, message: lowered):
            // llama.cpp's server sends this as 400 today and as 500 in older builds: never worth a retry.
            return LLMError(
                .badRequest,
                "the question with its schema and earlier turns is too long for \"\(model)\": start a new session or use a model with a longer context",
                status: status)
        case 413:
            return LLMError(
                .badRequest, "\(host) says the request is too large (HTTP 413): start a new session", status: status)
        case 429 where code == "insufficient_quota" || lowered.contains("quota"):
            return LLMError(
                .rateLimited, "\(host) says the account is out of quota (HTTP 429)\(serverMessage): check its billing",
                status: status)
        case 429:
            return LLMError(
                .rateLimited, "\(host) is rate limiting requests (HTTP 429)\(serverMessage): wait and try again",
                status: status, retryAfter: retryAfter, isTransient: true)
        case 408:
            return LLMError(
                .timeout, "\(host) timed out reading the request (HTTP 408): try again", status: status,
                retryAfter: retryAfter, isTransient: true)
        case 500 where detail?.error?.type == "invalid_request_error":
            // llama.cpp's server has sent request validation errors as 500: the same request fails the same way.
            return LLMError(
                .badRequest, "\(host) rejected the request (HTTP 500)\(serverMessage)", status: status)
        case 500...599:
            let hint =
                status == 502 || status == 503 || status == 504
                ? "the server or its gateway is down or overloaded" : "the server failed"
            return LLMError(
                .serverError, "\(host) failed (HTTP \(status))\(serverMessage): \(hint); try again later",
                status: status,
                retryAfter: retryAfter, isTransient: transient)
        default:
            return LLMError(
                .badRequest, "\(host) rejected the request (HTTP \(status))\(serverMessage)", status: status,
                retryAfter: retryAfter, isTransient: transient)
        }
    }

    private struct PlainError: Decodable {
        var error: String
    }

    /// OpenAI says `context_length_exceeded`; llama.cpp's server `exceed_context_size_error`, "exceeds the
    /// available context size" or (older builds, as HTTP 500) "too large to process"; vLLM "maximum context".
    private static func isContextOverflow(code: String, type: String?, message: String) -> Bool {
        code == "context_length_exceeded" || type == "exceed_context_size_error" || message.contains("context length")
            || message.contains("maximum context") || message.contains("context size")
            || message.contains("too large to process")
    }

    /// OpenAI says `model_not_found`; vLLM "The model `x` does not exist"; Ollama "model "x" not found".
    private static func isMissingModel(code: String, message: String) -> Bool {
        if code == "model_not_found" { return true }
        guard message.contains("model") else { return false }
        return message.contains("not found") || message.contains("does not exist") || message.contains("not exist")
            || message.contains("unknown model") || message.contains("no such model")
    }
}
