import Databases
import Foundation
import History
import LLM
import TestSupport
import Testing

@testable import Assistant

/// What the REPL reads from and changes in the current session: the last SQL, the model, the tokens spent.
@Suite struct AssistantSessionTests {
    let fixture = AssistantFixture()
    let countSQL = "SELECT count(*) AS n FROM sales"
    let regionSQL = "SELECT region, count(*) AS n FROM sales GROUP BY region"

    /// Two questions with known token counts, and a request to delete that the guard refuses.
    func makeServer() throws -> FakeLLMServer {
        try FakeLLMServer(
            script: FakeLLMServer.script(rules: [
                [
                    "match": "(?i)how many", "reply": "```sql\n\(countSQL)\n```",
                    "usage": ["prompt_tokens": 100, "completion_tokens": 10],
                ],
                [
                    "match": "(?i)by region", "reply": "```sql\n\(regionSQL)\n```",
                    "usage": ["prompt_tokens": 200, "completion_tokens": 20],
                ],
                ["match": "(?i)delete", "reply": "```sql\nDELETE FROM sales\n```"],
            ]))
    }

    /// The query the user saw last, even a refused one: that is what `\explain` is asked about.
    @Test func lastSQLIsTheNewestQueryWhateverBecameOfItAndSurvivesAResume() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL, maxRepairs: 0)
        #expect(assistant.lastSQL == nil)
        _ = assistant.ask("How many sales?")
        #expect(assistant.lastSQL == countSQL)
        _ = assistant.ask("and by region?")
        #expect(assistant.lastSQL == regionSQL)
        let refused = assistant.ask("delete them all")
        #expect(refused.status == .rejected)
        #expect(assistant.lastSQL == "DELETE FROM sales")

        let resumed = try fixture.makeAssistant(baseURL: server.baseURL)
        #expect(resumed.lastSQL == nil)
        try resumed.resume(sessionID: refused.sessionID)
        #expect(resumed.lastSQL == "DELETE FROM sales")
        resumed.startNewSession()
        #expect(resumed.lastSQL == nil)
    }

    @Test func lastSQLIncludesADeclinedQueryAndFallsBackToARefusedOne() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL, maxRepairs: 0)
        _ = assistant.ask("delete them all")
        #expect(assistant.lastSQL == "DELETE FROM sales")
        let recorder = TurnRecorder()
        recorder.approval = { _ in .skip }
        _ = assistant.ask("How many sales?", observer: recorder)
        #expect(assistant.lastSQL == countSQL)
    }

    @Test func useModelSendsTheNextQuestionsToThatModel() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        #expect(assistant.model == "fake-model")
        let first = assistant.ask("How many sales?")
        assistant.useModel(" other-model ")
        #expect(assistant.model == "other-model")
        let second = assistant.ask("and by region?")
        #expect(second.failure == nil)
        #expect(second.sessionID == first.sessionID)
        let models = try AssistantFixture.chatBodies(server).map { $0["model"] as? String }
        #expect(models == ["fake-model", "other-model"])
        let saved = try assistant.history.messages(sessionID: second.sessionID).filter { $0.role == .assistant }
        #expect(saved.map(\.model) == ["fake-model", "other-model"])
        let explained = assistant.explain(sql: countSQL)
        #expect(explained.failure == nil)
        #expect(try AssistantFixture.chatBodies(server).last?["model"] as? String == "other-model")
    }

    @Test func availableModelsListsTheEndpointsModels() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(rules: [], default: "no"), models: ["zeta-model", "fake-model"])
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        #expect(try assistant.availableModels() == ["fake-model", "zeta-model"])
        #expect(try server.requests().last?["path"] as? String == "/v1/models")
    }

    @Test func sessionUsageAddsEveryTurnAndSurvivesAResume() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        #expect(assistant.sessionUsage() == TokenUsage(promptTokens: 0, completionTokens: 0, isEstimate: false))
        _ = assistant.ask("How many sales?")
        #expect(assistant.sessionUsage().promptTokens == 100)
        let second = assistant.ask("and by region?")
        _ = assistant.run(sql: countSQL)
        let usage = assistant.sessionUsage()
        #expect(usage.promptTokens == 300)
        #expect(usage.completionTokens == 30)

        let resumed = try fixture.makeAssistant(baseURL: server.baseURL)
        #expect(resumed.sessionUsage().promptTokens == 0)
        try resumed.resume(sessionID: second.sessionID)
        #expect(resumed.sessionUsage() == usage)
    }

    @Test func aRepairedTurnStoresEachAttemptsOwnTokens() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(rules: [
                [
                    "match": "(?i)^total sales", "reply": "```sql\nSELECT amount_typo FROM sales\n```",
                    "usage": ["prompt_tokens": 100, "completion_tokens": 10],
                ],
                [
                    "match": "query failed", "reply": "```sql\nSELECT sum(amount) AS total FROM sales\n```",
                    "usage": ["prompt_tokens": 250, "completion_tokens": 25],
                ],
            ]))
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL, maxRepairs: 1)
        let outcome = assistant.ask("total sales?")
        #expect(outcome.failure == nil)
        #expect(outcome.attempts == 2)
        #expect(outcome.usage.promptTokens == 350)
        let answers = try assistant.history.messages(sessionID: outcome.sessionID).filter { $0.role == .assistant }
        #expect(answers.map(\.status) == [.error, .ok])
        #expect(answers.map(\.promptTokens) == [100, 250])
        #expect(answers.map(\.completionTokens) == [10, 25])
        #expect(assistant.sessionUsage() == TokenUsage(promptTokens: 350, completionTokens: 35, isEstimate: false))
    }
}
