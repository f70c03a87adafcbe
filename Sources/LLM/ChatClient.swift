import Basics

/// Asks an OpenAI-compatible `/chat/completions` endpoint for an answer, streamed as it is written.
///
/// One client per endpoint; it keeps its libcurl handles so that later turns reuse the connection.
/// Blocking: call it from a thread of its own, never from Swift's cooperative pool.
public final class ChatClient {
    public let configuration: LLMConfiguration
    private var easy: CurlEasy?
    /// The server refused `stream_options` once (some older servers do); it is not sent again.
    private var omitStreamOptions = false

    public init(configuration: LLMConfiguration) {
        self.configuration = configuration
    }

    /// Sends `messages` and returns the whole answer; `onText` is handed the answer's visible text as
    /// it arrives, so a terminal can show it while the model writes.
    ///
    /// Transient failures are retried (see `RetryPolicy`). When a retry follows text already handed to
    /// `onText`, `onRetry` says so first (`discardsText`), and the answer starts over from its beginning.
    /// `maxTokens` caps the answer; a cap the caller set is not an error when the answer reaches it.
    /// `sampling` replaces the configured temperature for this request alone. The call's total timeout is
    /// added to `cancellation` as its deadline.
    public func complete(
        _ messages: [ChatMessage], maxTokens: Int? = nil, sampling: Sampling? = nil,
        cancellation: Cancellation = .never,
        onText: ((String) -> Void)? = nil, onRetry: ((ChatRetry) -> Void)? = nil
    ) throws(LLMError) -> ChatCompletion {
        try checkKey()
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: .milliseconds(Int64(configuration.totalTimeout * 1000)))
        let cancellation = cancellation.limited(by: deadline)
        let policy = RetryPolicy(configuration: configuration)
        var attempt = 1
        while true {
            var delivered = false
            do {
                var completion = try send(
                    messages, maxTokens: maxTokens, sampling: sampling, callStart: start, cancellation: cancellation,
                    onText: { text in
                        delivered = true
                        onText?(text)
                    })
                completion.totalSeconds = start.duration(to: clock.now).seconds
                return completion
            } catch {
                var error = error
                if error.code == .modelNotFound { error = describeMissingModel(error) }
                guard policy.shouldRetry(error, attempt: attempt) else { throw Self.last(error, attempts: attempt) }
                let delay = policy.delay(after: error, attempt: attempt)
                guard clock.now.advanced(by: .milliseconds(Int64(delay * 1000))) < deadline else {
                    throw Self.last(error, attempts: attempt)
                }
                attempt += 1
                onRetry?(
                    ChatRetry(
                        attempt: attempt, maxAttempts: policy.maxAttempts, delaySeconds: delay, reason: error,
                        discardsText: delivered))
                // The wait ends before the deadline (checked above): only Ctrl-C can cut it short.
                guard cancellation.sleep(for: .milliseconds(Int64(delay * 1000))) else {
                    throw LLMError(.cancelled, "the request was cancelled")
                }
            }
        }
    }

    /// The failure that ends the call, saying how many requests it ended, so retries need no line of their own.
    private static func last(_ error: LLMError, attempts: Int) -> LLMError {
        guard attempts > 1 else { return error }
        var last = error
        last.message += " (after \(attempts) attempts)"
        return last
    }

    /// The model names the endpoint offers (`GET /models`), sorted.
    public func listModels(cancellation: Cancellation = .never) throws(LLMError) -> [String] {
        try checkKey()
        let deadline = ContinuousClock.now.advanced(
            by: .milliseconds(Int64(min(configuration.totalTimeout, 30) * 1000)))
        let request = HTTPRequest(
            method: "GET", url: modelsURL(), headers: headers(accept: "application/json"), body: [], limits: limits,
            tls: tlsSettings)
        let response = try handle().perform(request, cancellation: cancellation.limited(by: deadline))
        guard (200..<300).contains(response.status) else {
            throw Self.error(for: response, configuration: configuration)
        }
        guard let list = ModelList.decode(response.body) else {
            throw LLMError(
                .invalidResponse,
                "\(configuration.endpointHost)'s model list is not what the API promises: check OPENAI_BASE_URL")
        }
        return list.sorted()
    }

    private func checkKey() throws(LLMError) {
        if configuration.requiresKey, (configuration.apiKey ?? "").isEmpty {
            throw LLMError(
                .missingKey,
                "OPENAI_API_KEY is not set: export it (or put it in .env), or point OPENAI_BASE_URL at a local server")
        }
    }

    /// One request: streams the answer through the parser, or reads the one JSON body a server sent instead.
    private func send(
        _ messages: [ChatMessage], maxTokens: Int?, sampling: Sampling?, callStart: ContinuousClock.Instant,
        cancellation: Cancellation, onText: @escaping (String) -> Void
    ) throws(LLMError) -> ChatCompletion {
        let streaming = configuration.streaming
        let request = HTTPRequest(
            method: "POST", url: chatURL(),
            headers: headers(accept: streaming ? "text/event-stream" : "application/json"),
            body: try requestBody(
                messages, maxTokens: maxTokens, sampling: sampling, stream: streaming,
                includeUsage: !omitStreamOptions),
            limits: limits, tls: tlsSettings)
        var reader = ResponseReader(host: configuration.endpointHost, apiKey: configuration.apiKey, onText: onText)
        let response: HTTPResponse
        do {
            response = try handle().perform(request, cancellation: cancellation) { head, bytes in
                reader.receive(head, bytes)
            }
        } catch {
            var failure = reader.failure ?? error
            if failure.code == .replyTooLarge { failure.partialReply = reader.assembler.text }
            throw failure
        }
        guard (200..<300).contains(response.status) else {
            if response.status == 400, streaming, !omitStreamOptions,
                String(decoding: response.body, as: UTF8.self).contains("stream_options")
            {
                omitStreamOptions = true
                return try send(
                    messages, maxTokens: maxTokens, sampling: sampling, callStart: callStart,
                    cancellation: cancellation,
                    onText: onText)
            }
            throw Self.error(for: response, configuration: configuration)
        }
        try reader.finish(body: response.body)
        try reader.assembler.validate(streamed: reader.isStream, expectsLength: maxTokens != nil)
        let assembler = reader.assembler
        let usage =
            assembler.usage.map {
                TokenUsage(promptTokens: $0.prompt, completionTokens: $0.completion, isEstimate: false)
            }
            ?? TokenUsage.estimate(
                prompt: messages, completion: assembler.text, hiddenCharacters: assembler.reasoningCharacters)
        // The user waits from the first request, retries included, to the first visible text.
        let firstText = reader.firstTextAt.map { callStart.duration(to: $0).seconds } ?? response.firstByteSeconds
        return ChatCompletion(
            text: assembler.text, model: assembler.model ?? configuration.model, finishReason: assembler.finishReason,
            usage: usage, firstByteSeconds: firstText, totalSeconds: response.totalSeconds)
    }

    private func handle() throws(LLMError) -> CurlEasy {
        if let easy { return easy }
        let created = try CurlEasy()
        easy = created
        return created
    }

    private var limits: TransferLimits {
        TransferLimits(
            connect: configuration.connectTimeout, firstByte: configuration.firstByteTimeout,
            idle: configuration.idleTimeout, totalSeconds: configuration.totalTimeout,
            maxBodyBytes: configuration.maxReplyBytes)
    }

    private var tlsSettings: TLSSettings {
        TLSSettings(
            caBundlePath: configuration.caBundlePath, caDirectory: configuration.caDirectory,
            proxy: configuration.proxy,
            noProxy: configuration.noProxy)
    }

    /// Adds what `GET /models` offers to a missing-model error, so the user can pick a real one.
    private func describeMissingModel(_ error: LLMError) -> LLMError {
        guard configuration.resolvedStyle == .openAI, let models = try? listModels(), !models.isEmpty else {
            return error
        }
        var described = error
        let shown = models.prefix(12).joined(separator: ", ")
        let more = models.count > 12 ? " and \(models.count - 12) more" : ""
        described.message =
            "\(configuration.endpointHost) has no model \"\(configuration.model)\"; it offers \(shown)\(more): "
            + "set DATACHAT_MODEL or --model"
        return described
    }
}

/// A retry about to happen, so a terminal can say so and clear text it showed from the failed attempt.
public struct ChatRetry: Sendable {
    /// The attempt about to start (2 for the first retry).
    public var attempt: Int
    public var maxAttempts: Int
    public var delaySeconds: Double
    /// What went wrong with the previous attempt.
    public var reason: LLMError
    /// Part of the answer was already handed to `onText`: it is void, and the answer starts over.
    public var discardsText: Bool

    /// What is happening, for a status line that updates in place: "retrying in 0.5 s (attempt 2 of 3): ...".
    public var line: String {
        let wait =
            delaySeconds < 1 ? "\(Int((delaySeconds * 1000).rounded())) ms" : "\((delaySeconds * 10).rounded() / 10) s"
        let restart = discardsText ? ", the answer starts over" : ""
        return "retrying in \(wait) (attempt \(attempt) of \(maxAttempts)\(restart)): \(reason.message)"
    }
}
