import Foundation
import Synchronization
import TestSupport
import Testing

@testable import LLM

/// The client through the real HTTP path: libcurl on loopback to FakeLLM, one fault at a time.
@Suite struct ChatClientTests {
    static let sql = "Here you go:\n```sql\nSELECT count(*) FROM orders\n```"
    let question = [ChatMessage(.system, "You write SQL."), ChatMessage(.user, "how many orders")]

    private func configuration(_ server: FakeLLMServer, key: String? = nil, model: String = "fake-model")
        -> LLMConfiguration
    {
        LLMConfiguration(
            baseURL: server.baseURL, apiKey: key, model: model, connectTimeout: 2, firstByteTimeout: 2, idleTimeout: 2,
            totalTimeout: 20, retryBaseDelay: 0.02, retryMaxDelay: 0.1)
    }

    private func script(_ rule: String) -> String {
        #"{"rules":[{"match":"orders",\#(rule)}],"default":"no rule"}"#
    }

    @Test func streamsTheAnswerInPiecesWithTheServersUsage() throws {
        let server = try FakeLLMServer(
            script: script(
                #""reply":\#(jsonString(Self.sql)),"chunk_bytes":4,"usage":{"prompt_tokens":11,"completion_tokens":7}"#)
        )
        var pieces: [String] = []
        let completion = try ChatClient(configuration: configuration(server)).complete(
            question, onText: { pieces.append($0) })
        #expect(completion.text == Self.sql)
        #expect(pieces.count > 5)
        #expect(pieces.joined() == Self.sql)
        #expect(completion.usage == TokenUsage(promptTokens: 11, completionTokens: 7, isEstimate: false))
        let log = server.loggedText()
        #expect(log.contains(#""stream":true"#))
        #expect(log.contains(#""include_usage":true"#))
    }

    @Test func estimatesUsageWhenTheServerGivesNone() throws {
        let server = try FakeLLMServer(script: script(#""reply":"SELECT 1","no_usage":true"#))
        let completion = try ChatClient(configuration: configuration(server)).complete(question)
        #expect(completion.usage.isEstimate)
        // "SELECT 1" is 8 bytes: TokenEstimate's 3.5 bytes a token rounds up to 3.
        #expect(completion.usage.completionTokens == TokenEstimate.count("SELECT 1"))
        #expect(completion.usage.completionTokens == 3)
    }

    @Test func keepsReasoningAndThinkBlocksOutOfTheAnswer() throws {
        let reply = "<think>maybe SELECT 0</think>\n" + Self.sql
        let server = try FakeLLMServer(
            script: script(#""reply":\#(jsonString(reply)),"reasoning":"SELECT 9 first","chunk_bytes":3"#))
        var shown = ""
        let completion = try ChatClient(configuration: configuration(server)).complete(
            question, onText: { shown += $0 })
        #expect(completion.text == Self.sql)
        #expect(shown == Self.sql)
    }

    @Test func keepAlivesAndASlowDripStillMakeOneAnswer() throws {
        let server = try FakeLLMServer(
            script: script(#""reply":"SELECT 1 AS one","keepalive":true,"chunk_bytes":2,"chunk_delay_ms":20"#))
        let completion = try ChatClient(configuration: configuration(server)).complete(question)
        #expect(completion.text == "SELECT 1 AS one")
    }

    @Test func readsAPlainAnswerWhenNotStreaming() throws {
        let server = try FakeLLMServer(script: script(#""reply":"SELECT 2""#))
        var config = configuration(server)
        config.streaming = false
        var pieces: [String] = []
        let completion = try ChatClient(configuration: config).complete(question, onText: { pieces.append($0) })
        #expect(pieces == ["SELECT 2"])
        #expect(!completion.usage.isEstimate)
    }

    @Test func aWrongKeyNamesTheVariableAndNeverTheKey() throws {
        let server = try FakeLLMServer(script: script(#""reply":"x""#), requireKey: "sk-right-key-0000")
        let key = "sk-wrong-key-123456789"
        let error = try #require(throws: LLMError.self) {
            try ChatClient(configuration: configuration(server, key: key)).complete(question)
        }
        #expect(error.code == .unauthorized)
        #expect(error.message.contains("OPENAI_API_KEY"))
        #expect(!error.message.contains(key) && !error.message.contains("sk-wr"))
        #expect(server.requestCount() == 1)
    }

    @Test func anUnknownModelListsTheOffered() throws {
        let server = try FakeLLMServer(script: script(#""reply":"x""#), models: ["alpha", "beta"])
        let error = try #require(throws: LLMError.self) {
            try ChatClient(configuration: configuration(server, model: "gamma")).complete(question)
        }
        #expect(error.code == .modelNotFound)
        #expect(error.message.contains("\"gamma\"") && error.message.contains("alpha, beta"))
    }

    @Test func rateLimitHonoursRetryAfterThenSucceeds() throws {
        let server = try FakeLLMServer(script: script(#""reply":"SELECT 3","status":429,"retry_after":"1","times":1"#))
        let retries = Mutex<[ChatRetry]>([])
        let start = ContinuousClock.now
        let completion = try ChatClient(configuration: configuration(server)).complete(
            question, onRetry: { retry in retries.withLock { $0.append(retry) } })
        #expect(completion.text == "SELECT 3")
        #expect(start.duration(to: .now) >= .seconds(1))
        let seen = retries.withLock { $0 }
        #expect(seen.count == 1 && seen[0].delaySeconds == 1 && !seen[0].discardsText)
        #expect(server.requestCount() == 2)
    }

    @Test(arguments: [500, 502, 503, 504, 408, 409])
    func serverErrorsAreRetriedAtMostThreeTimes(status: Int) throws {
        let server = try FakeLLMServer(script: script(#""reply":"x","status":\#(status)"#))
        let error = try #require(throws: LLMError.self) {
            try ChatClient(configuration: configuration(server)).complete(question)
        }
        #expect(error.status == status)
        #expect(server.requestCount() == 3)
    }

    @Test(arguments: [400, 401, 403, 404, 422])
    func clientErrorsAreNeverRetried(status: Int) throws {
        let server = try FakeLLMServer(script: script(#""reply":"x","status":\#(status)"#))
        #expect(throws: LLMError.self) { try ChatClient(configuration: configuration(server)).complete(question) }
        #expect(server.requestCount() == 1)
    }

    @Test func aTruncatedStreamIsRetriedAndStartsOverVisibly() throws {
        let server = try FakeLLMServer(script: script(#""reply":\#(jsonString(Self.sql)),"truncate_after_chars":12"#))
        let retries = Mutex<[ChatRetry]>([])
        let error = try #require(throws: LLMError.self) {
            try ChatClient(configuration: configuration(server)).complete(
                question, onRetry: { retry in retries.withLock { $0.append(retry) } })
        }
        #expect(error.code == .truncated)
        #expect(retries.withLock { $0.map(\.discardsText) } == [true, true])
        #expect(server.requestCount() == 3)
    }

    @Test func aStallMidStreamHitsTheIdleTimeout() throws {
        let server = try FakeLLMServer(
            script: script(#""reply":\#(jsonString(Self.sql)),"stall_after_chars":5,"stall_ms":3000"#))
        var config = configuration(server)
        config.idleTimeout = 0.3
        config.maxAttempts = 1
        let start = ContinuousClock.now
        let error = try #require(throws: LLMError.self) { try ChatClient(configuration: config).complete(question) }
        #expect(error.code == .timeout && error.message.contains("DATACHAT_LLM_IDLE_TIMEOUT"))
        #expect(start.duration(to: .now) < .seconds(2))
    }

    @Test func aSilentServerHitsTheFirstByteTimeout() throws {
        let server = try FakeLLMServer(script: script(#""reply":"x","delay_ms":3000"#))
        var config = configuration(server)
        config.firstByteTimeout = 0.3
        config.maxAttempts = 1
        let error = try #require(throws: LLMError.self) { try ChatClient(configuration: config).complete(question) }
        #expect(error.code == .timeout && error.message.contains("DATACHAT_LLM_FIRST_BYTE_TIMEOUT"))
    }

    @Test func theTotalTimeoutCoversRetries() throws {
        let server = try FakeLLMServer(script: script(#""reply":"x","status":503,"retry_after":"1""#))
        var config = configuration(server)
        config.totalTimeout = 0.5
        let error = try #require(throws: LLMError.self) { try ChatClient(configuration: config).complete(question) }
        #expect(error.status == 503)
        #expect(server.requestCount() == 1)
    }

    @Test func cancellingStopsAStalledStreamAtOnce() throws {
        let server = try FakeLLMServer(script: script(#""reply":"SELECT 1","stall_after_chars":2,"stall_ms":5000"#))
        let start = ContinuousClock.now
        let error = try #require(throws: LLMError.self) {
            try ChatClient(configuration: configuration(server)).complete(
                question, cancellation: .cancelled(after: .milliseconds(200)))
        }
        #expect(error.code == .cancelled)
        #expect(start.duration(to: .now) < .milliseconds(700))
    }

    @Test func aMalformedEventIsAnInvalidResponse() throws {
        let server = try FakeLLMServer(script: script(#""reply":"SELECT 1 FROM t","malformed":true,"chunk_bytes":2"#))
        let error = try #require(throws: LLMError.self) {
            try ChatClient(configuration: configuration(server)).complete(question)
        }
        #expect(error.code == .invalidResponse && error.message.contains("not valid JSON"))
        #expect(server.requestCount() == 1)
    }

    @Test func noChoicesIsAnInvalidResponse() throws {
        let server = try FakeLLMServer(script: script(#""reply":"x","empty_choices":true"#))
        let error = try #require(throws: LLMError.self) {
            try ChatClient(configuration: configuration(server)).complete(question)
        }
        #expect(error.code == .invalidResponse && error.message.contains("no choices"))
    }

    @Test func theContentFilterAndTheLengthLimitSaySo() throws {
        let filtered = try FakeLLMServer(script: script(#""reply":"x","finish_reason":"content_filter""#))
        let filterError = try #require(throws: LLMError.self) {
            try ChatClient(configuration: configuration(filtered)).complete(question)
        }
        #expect(filterError.code == .contentFiltered)
        let cut = try FakeLLMServer(script: script(#""reply":"SELECT","finish_reason":"length""#))
        let lengthError = try #require(throws: LLMError.self) {
            try ChatClient(configuration: configuration(cut)).complete(question)
        }
        #expect(lengthError.code == .lengthLimit)
        // A cap the caller set itself is no error.
        let capped = try ChatClient(configuration: configuration(cut)).complete(question, maxTokens: 1)
        #expect(capped.finishReason == "length")
    }

    @Test func aRefusedConnectionIsRetriedThenExplained() throws {
        let config = LLMConfiguration(
            baseURL: "http://127.0.0.1:1/v1", apiKey: nil, model: "m", retryBaseDelay: 0.01, retryMaxDelay: 0.02)
        var retries = 0
        let error = try #require(throws: LLMError.self) {
            try ChatClient(configuration: config).complete(question, onRetry: { _ in retries += 1 })
        }
        #expect(error.code == .unreachable && error.message.contains("OPENAI_BASE_URL"))
        #expect(retries == 2)
    }

    @Test func anUnknownHostIsADNSErrorNotRetried() throws {
        let config = LLMConfiguration(baseURL: "http://datachat-test.invalid/v1", apiKey: nil, model: "m")
        var retries = 0
        let error = try #require(throws: LLMError.self) {
            try ChatClient(configuration: config).complete(question, onRetry: { _ in retries += 1 })
        }
        #expect(error.code == .unreachable && error.message.contains("resolve"))
        #expect(retries == 0)
    }

    @Test func aDeadProxyIsNamedWithoutItsPassword() throws {
        let server = try FakeLLMServer(script: script(#""reply":"x""#))
        var config = configuration(server)
        config.proxy = "http://user:proxy-secret@127.0.0.1:1"
        config.maxAttempts = 1
        let error = try #require(throws: LLMError.self) { try ChatClient(configuration: config).complete(question) }
        // An http:// endpoint's proxy comes from http_proxy (curl reads no HTTPS_PROXY for it).
        #expect(error.message.contains("proxy http://127.0.0.1:1") && error.message.contains("http_proxy"))
        #expect(!error.message.contains("proxy-secret"))
        config.noProxy = "127.0.0.1"
        #expect(try ChatClient(configuration: config).complete(question).text == "x")
    }

    @Test func aMissingCABundleSaysWhichVariable() throws {
        var config = LLMConfiguration(baseURL: "https://127.0.0.1:1/v1", apiKey: "k", model: "m", maxAttempts: 1)
        config.caBundlePath = "/nonexistent/ca.pem"
        let error = try #require(throws: LLMError.self) { try ChatClient(configuration: config).complete(question) }
        #expect(error.code == .tls || error.code == .unreachable)
    }

    @Test func azureDeploymentsGetTheirURLAndKeyHeader() throws {
        let server = try FakeLLMServer(script: script(#""reply":"SELECT 4""#), requireKey: "azure-key-1234")
        let root = server.baseURL.replacingOccurrences(of: "/v1", with: "")
        let config = LLMConfiguration(
            baseURL: root + "/openai/deployments/my-gpt", apiKey: "azure-key-1234", model: "ignored", style: .azure)
        #expect(try ChatClient(configuration: config).complete(question).text == "SELECT 4")
        let log = server.loggedText()
        #expect(log.contains("/openai/deployments/my-gpt/chat/completions"))
        #expect(log.contains("api-version=\(LLMConfiguration.defaultAzureAPIVersion)"))
        #expect(!log.lowercased().contains("bearer"))
    }

    @Test func extraHeadersAreSent() throws {
        let server = try FakeLLMServer(script: script(#""reply":"SELECT 5""#))
        var config = configuration(server)
        config.extraHeaders = [("X-Title", "datachat-test")]
        _ = try ChatClient(configuration: config).complete(question)
        #expect(server.loggedText().contains("datachat-test"))
    }

    @Test func listsModels() throws {
        let server = try FakeLLMServer(script: script(#""reply":"x""#), models: ["b", "a"])
        #expect(try ChatClient(configuration: configuration(server)).listModels() == ["a", "b"])
    }
}

func jsonString(_ text: String) -> String {
    let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
    let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
    return String(array.dropFirst().dropLast())
}
