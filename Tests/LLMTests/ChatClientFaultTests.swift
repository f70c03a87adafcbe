import Foundation
import TestSupport
import Testing

@testable import LLM

/// Endpoint defects fault injection found (issue 14, defects 8, 10 and 14), over real HTTP to FakeLLM.
@Suite struct ChatClientFaultTests {
    let question = [ChatMessage(.system, "You write SQL."), ChatMessage(.user, "how many orders")]

    func configuration(_ server: FakeLLMServer, maxReplyBytes: Int = 64 * 1024, streaming: Bool = true)
        -> LLMConfiguration
    {
        var configuration = LLMConfiguration(
            baseURL: server.baseURL, apiKey: nil, model: "fake-model", connectTimeout: 2, firstByteTimeout: 20,
            idleTimeout: 5, totalTimeout: 30, retryBaseDelay: 0.02, retryMaxDelay: 0.1, streaming: streaming)
        configuration.maxReplyBytes = maxReplyBytes
        return configuration
    }

    /// A reply of about 1 MB: `SELECT 1` and then padding, from a small script.
    func hugeReplyServer() throws -> FakeLLMServer {
        try FakeLLMServer(
            script: FakeLLMServer.script(rules: [
                [
                    "match": "orders", "reply": "```sql\nSELECT 1\n```\n" + String(repeating: "padding ", count: 128),
                    "repeat_reply": 1_000, "chunk_bytes": 8_192,
                ]
            ]))
    }

    @Test(arguments: [true, false]) func aHugeReplyIsCutAtTheCapAndNotRetried(streaming: Bool) throws {
        let server = try hugeReplyServer()
        let client = ChatClient(configuration: configuration(server, streaming: streaming))
        var shown = 0
        let error = try #require(throws: LLMError.self) {
            try client.complete(question, onText: { shown += $0.utf8.count })
        }
        #expect(error.code == .replyTooLarge)
        #expect(
            error.message
                == "the endpoint's answer passed 65536 bytes and was cut there: ask for less, or raise DATACHAT_LLM_MAX_REPLY_BYTES"
        )
        #expect(shown <= 64 * 1024)
        if streaming {
            #expect(error.partialReply?.hasPrefix("```sql\nSELECT 1\n```") == true)
            #expect((error.partialReply?.utf8.count ?? .max) <= 64 * 1024)
        }
        #expect(try server.requests().count == 1, "a reply too large is too large again: no retry")
    }

    @Test func aRedirectShowsWhereItPointsWithoutItsPassword() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(rules: [
                [
                    "match": "orders", "status": 302,
                    "location": "https://user:hunter2@elsewhere.example/v1/chat/completions",
                ]
            ]))
        let error = try #require(throws: LLMError.self) {
            try ChatClient(configuration: configuration(server)).complete(question)
        }
        #expect(
            error.message.contains("redirected the request (HTTP 302) to https://elsewhere.example/v1/chat/completions")
        )
        #expect(!error.message.contains("hunter2"))
    }

    @Test func aDeadHTTPProxyNamesTheVariableHTTPReads() throws {
        var config = LLMConfiguration(baseURL: "http://127.0.0.1:9/v1", apiKey: nil, model: "m", maxAttempts: 1)
        config.proxy = "http://127.0.0.1:1"
        let error = try #require(throws: LLMError.self) { try ChatClient(configuration: config).complete(question) }
        #expect(error.message.contains("check http_proxy and NO_PROXY"), "\(error.message)")
        config.baseURL = "https://127.0.0.1:9/v1"
        let secure = try #require(throws: LLMError.self) { try ChatClient(configuration: config).complete(question) }
        #expect(secure.message.contains("check HTTPS_PROXY and NO_PROXY"), "\(secure.message)")
    }

    @Test func retriesEndInOneLineThatCountsThem() throws {
        let server = try FakeLLMServer(script: FakeLLMServer.script(rules: [["match": "orders", "status": 503]]))
        var lines: [String] = []
        let error = try #require(throws: LLMError.self) {
            try ChatClient(configuration: configuration(server)).complete(question, onRetry: { lines.append($0.line) })
        }
        #expect(error.message.hasSuffix("try again later (after 3 attempts)"), "\(error.message)")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("retrying in ") == true && lines.first?.contains("(attempt 2 of 3): ") == true)
        #expect(lines.first?.contains("after") == false, "a retry's reason is the one failure, not the count")
    }

    @Test func aKeyInClearTextToAnotherMachineIsWarnedOf() {
        func warning(_ url: String, key: String? = "sk-1") -> String? {
            LLMConfiguration(baseURL: url, apiKey: key, model: "m").cleartextKeyWarning
        }
        #expect(
            warning("http://10.0.0.5:8000/v1")
                == "the API key is sent in clear text to 10.0.0.5:8000 (OPENAI_BASE_URL is http://): anyone on the network path can read it; use https://, or reach the server through an SSH tunnel"
        )
        #expect(warning("HTTP://gpu.internal/v1") != nil)
        for quiet in [
            "https://api.openai.com/v1", "http://localhost:11434/v1", "http://127.0.0.1:8080/v1",
            "http://[::1]:8080/v1",
        ] {
            #expect(warning(quiet) == nil, "\(quiet)")
        }
        #expect(warning("http://10.0.0.5/v1", key: nil) == nil, "no key, nothing to leak")
    }
}
