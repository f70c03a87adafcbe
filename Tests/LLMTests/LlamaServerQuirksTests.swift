import Foundation
import TestSupport
import Testing

@testable import LLM

/// What llama.cpp's server does differently from OpenAI, through the real HTTP path to FakeLLM: the
/// local model (`datachat model`) is such a server.
@Suite struct LlamaServerQuirksTests {
    let question = [ChatMessage(.system, "You write SQL."), ChatMessage(.user, "how many orders")]

    private func client(_ server: FakeLLMServer) -> ChatClient {
        ChatClient(
            configuration: LLMConfiguration(
                baseURL: server.baseURL, apiKey: nil, model: "qwen2.5-coder-1.5b", connectTimeout: 2,
                firstByteTimeout: 2, idleTimeout: 2, totalTimeout: 20, retryBaseDelay: 0.02, retryMaxDelay: 0.1))
    }

    private func failing(status: Int, body: String) throws -> FakeLLMServer {
        try FakeLLMServer(
            script: #"{"rules":[{"match":"orders","reply":"x","status":\#(status),"body":\#(body)}]}"#)
    }

    /// llama.cpp's own error body: a numeric code, its message, its type.
    private static func body(_ message: String, type: String, code: Int) -> String {
        #"{"error":{"code":\#(code),"message":"\#(message)","type":"\#(type)","n_prompt_tokens":9000,"n_ctx":8192}}"#
    }

    @Test(arguments: [400, 500])
    func aPromptLongerThanTheContextIsSaidOnceAndNotRetried(status: Int) throws {
        let message = "request (9000 tokens) exceeds the available context size (8192 tokens), try increasing it"
        let server = try failing(
            status: status, body: Self.body(message, type: "exceed_context_size_error", code: status))
        let error = try #require(throws: LLMError.self) { try client(server).complete(question) }
        #expect(error.message.contains("too long for \"qwen2.5-coder-1.5b\""))
        #expect(!error.isTransient)
        #expect(try server.requests().count == 1)
    }

    @Test func olderBuildsTooLargeToProcessAs500IsNotRetried() throws {
        let message = "input (9000 tokens) is too large to process. increase the physical batch size"
        let server = try failing(status: 500, body: Self.body(message, type: "server_error", code: 500))
        let error = try #require(throws: LLMError.self) { try client(server).complete(question) }
        #expect(error.message.contains("too long"))
        #expect(try server.requests().count == 1)
    }

    @Test func aValidationErrorSentAs500IsOneClearLineNotARetryLoop() throws {
        let message = "Failed to format input: unsupported content part"
        let server = try failing(status: 500, body: Self.body(message, type: "invalid_request_error", code: 500))
        let error = try #require(throws: LLMError.self) { try client(server).complete(question) }
        #expect(error.code == .badRequest)
        #expect(error.message == "127.0.0.1:\(server.port) rejected the request (HTTP 500): \(message)")
        #expect(try server.requests().count == 1)
    }

    @Test func aFenceSplitAcrossEveryChunkWithNoUsageStillAssemblesTheSQL() throws {
        let reply = "Counting.\n```sql\nSELECT count(*) FROM orders\n```"
        let server = try FakeLLMServer(
            script: #"{"rules":[{"match":"orders","reply":\#(jsonString(reply)),"chunk_bytes":1,"no_usage":true}]}"#)
        let completion = try client(server).complete(question)
        #expect(completion.text == reply)
        // No usage in the stream: estimated, never zero.
        #expect(
            completion.usage.isEstimate && completion.usage.promptTokens > 0 && completion.usage.completionTokens > 0)
    }
}
