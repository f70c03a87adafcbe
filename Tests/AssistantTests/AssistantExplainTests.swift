import Databases
import Foundation
import History
import TestSupport
import Testing

@testable import Assistant

/// `\explain`: the model puts a query into words; the words stream, the turn is saved, nothing runs.
@Suite struct AssistantExplainTests {
    let fixture = AssistantFixture()
    let sql = "SELECT region, sum(amount) AS total FROM sales GROUP BY region"
    let explanation = "It answers how much each region sold.\n- It reads sales and adds up amount per region."

    @Test func streamsSavesAndSendsTheSQLWithTheSchema() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [
                    [
                        "match": "GROUP BY region", "match_system": "(?i)explain", "reply": explanation,
                        "usage": ["prompt_tokens": 120, "completion_tokens": 30],
                    ]
                ], default: ["reply": "wrong prompt"]))
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        let recorder = TurnRecorder()
        let outcome = assistant.explain(sql: sql, observer: recorder)
        #expect(outcome.failure == nil)
        #expect(outcome.reply == explanation)
        #expect(outcome.sql == nil)
        #expect(outcome.usage.promptTokens == 120)
        #expect(recorder.modelCalls == 1)
        #expect(recorder.text == explanation)
        #expect(recorder.answers == [explanation])
        #expect(recorder.rows.isEmpty)
        #expect(recorder.approvals.isEmpty)

        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.role) == [.user, .assistant])
        #expect(saved[0].content == "\\explain " + sql)
        #expect(saved[1].status == .ok)
        #expect(saved[1].content == explanation)
        #expect(saved[1].sql == nil)
        #expect(saved[1].columns == nil)
        #expect(saved[1].model == "fake-model")
        #expect(saved[1].promptTokens == 120)
        #expect(saved[1].completionTokens == 30)
        #expect(saved[1].modelMilliseconds != nil)
        #expect(saved[1].totalMilliseconds != nil)

        let body = try #require(AssistantFixture.chatBodies(server).last)
        let sent = AssistantFixture.contents(body)
        #expect(sent.count == 2)
        #expect(sent[0].contains("CREATE TABLE sales"))
        #expect(sent[0].contains("sales: one row per sale"))
        #expect(sent[0].contains("SQLite"))
        #expect(sent[1].contains(sql))
    }

    @Test func explainsTheLastQueryOfTheSessionWithoutChangingIt() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [
                    ["match": "(?i)by region\\?", "reply": "```sql\n\(sql)\n```"],
                    ["match": "GROUP BY region", "match_system": "(?i)explain", "reply": explanation],
                ]))
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        let question = assistant.ask("Sales by region?")
        let last = try #require(assistant.lastSQL)
        let outcome = assistant.explain(sql: last)
        #expect(outcome.reply == explanation)
        #expect(outcome.sessionID == question.sessionID)
        #expect(assistant.lastSQL == sql)
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.ok, .ok, .ok, .ok])
    }

    @Test func aFailedRequestIsASavedFailedTurn() throws {
        let assistant = try fixture.makeAssistant(baseURL: "http://127.0.0.1:1/v1")
        let outcome = assistant.explain(sql: sql)
        guard case .endpoint(let error) = outcome.failure else {
            Issue.record("expected an endpoint failure, got \(String(describing: outcome.failure))")
            return
        }
        #expect(error.code == .unreachable)
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.error, .error])
        #expect(saved[1].promptTokens == nil)
    }

    @Test func nothingToExplainIsNotATurn() throws {
        let assistant = try fixture.makeAssistant(baseURL: "http://127.0.0.1:1/v1")
        let outcome = assistant.explain(sql: "")
        #expect(outcome.failure != nil)
        #expect(assistant.sessionID == nil)
    }
}
