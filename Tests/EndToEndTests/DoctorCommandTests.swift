import Foundation
import TestSupport
import Testing

/// `datachat doctor` run as a user would, against FakeLLM and the bundled sample.
@Suite struct DoctorCommandTests {
    let home = TemporaryDirectory("doctor")

    private func run(_ server: FakeLLMServer?, _ extra: [String: String]) throws -> DatachatRunner.Result {
        var environment = ["DATACHAT_MODEL": "fake-model", "DATACHAT_LLM_RETRY_DELAY": "0.01"]
        if let server { environment["OPENAI_BASE_URL"] = server.baseURL }
        return try DatachatRunner(home: home.path, environment: environment.merging(extra) { _, new in new })
            .run(["doctor"])
    }

    @Test func allGreenExitsZero() throws {
        let server = try FakeLLMServer(script: FakeLLMServer.script(rules: [], default: "ok"), models: ["fake-model"])
        let result = try run(server, [:])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 7 && lines.allSatisfy { $0.hasPrefix("ok") })
        #expect(result.stdout.contains("read-only: a CREATE TABLE was refused"))
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func anUnknownModelIsRedAndExitsFive() throws {
        let server = try FakeLLMServer(script: FakeLLMServer.script(rules: [], default: "ok"), models: ["alpha"])
        let result = try run(server, [:])
        #expect(result.status == 5)
        #expect(result.stdout.contains("FAIL model \"fake-model\" not offered; the endpoint has alpha"))
    }

    /// llama.cpp's server lists its one model and answers for any name: the answer settles it.
    @Test func aModelTheListLacksButThatAnswersIsAWarning() throws {
        let server = try FakeLLMServer(script: FakeLLMServer.script(rules: [], default: "ok"))
        let result = try run(server, ["DATACHAT_MODEL": "gpt-4o-mini"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "warn model \"gpt-4o-mini\" not offered; the endpoint has fake-model, but it answered"))
        #expect(!result.stdout.contains("FAIL"), "\(result.stdout)")
        #expect(result.stdout.contains("ok   one-token completion from"))
    }

    @Test func aWrongKeyIsRedWithoutTheKey() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(rules: [], default: "ok"), requireKey: "sk-good-0000")
        let result = try run(server, ["OPENAI_API_KEY": "sk-bad-key-987654"])
        #expect(result.status == 5)
        #expect(result.stdout.contains("refused the API key"))
        #expect(!(result.stdout + result.stderr).contains("987654"))
    }

    @Test func aMissingDatabaseIsRedAndExitsFour() throws {
        let server = try FakeLLMServer(script: FakeLLMServer.script(rules: [], default: "ok"), models: ["fake-model"])
        let result = try run(server, ["DATABASE_URL": "sqlite:///nonexistent/folder/none.db"])
        #expect(result.status == 4)
        #expect(result.stdout.contains("FAIL"))
    }
}
