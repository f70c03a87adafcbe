import Databases
import Foundation
import History
import LLM
import TestSupport
import Testing

@testable import Assistant

/// Confirmed examples end to end: marking a turn right, and what FakeLLM is then sent for a similar question.
@Suite struct AssistantExamplesTests {
    let fixture = AssistantFixture()
    let totalSQL = "SELECT region, sum(amount) AS total FROM sales GROUP BY region"
    let countSQL = "SELECT count(*) AS n FROM sales"

    func makeServer() throws -> FakeLLMServer {
        try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [
                    ["match": "(?i)total", "reply": "```sql\n\(totalSQL)\n```"],
                    ["match": "(?i)how many", "reply": "```sql\n\(countSQL)\n```"],
                    ["match": "(?i)broken", "reply": "```sql\nSELECT no_such_column FROM sales\n```"],
                    ["match": "(?i)words", "reply": "I cannot tell from this data."],
                ], default: ["reply": "```sql\nSELECT 1 AS one\n```"]))
    }

    /// The messages of FakeLLM's last chat request, as (role, content).
    func lastRequest(_ server: FakeLLMServer) throws -> [(role: String, content: String)] {
        let body = try #require(try AssistantFixture.chatBodies(server).last)
        return (body["messages"] as? [[String: Any]] ?? []).map {
            ($0["role"] as? String ?? "", $0["content"] as? String ?? "")
        }
    }

    @Test func aConfirmedTurnIsShownForASimilarQuestionBetweenTheSystemPromptAndTheQuestion() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        #expect(assistant.ask("What is the total amount per region?").failure == nil)
        let example = try assistant.confirmLastAnswer()
        #expect(example.question == "What is the total amount per region?")
        #expect(example.sql == totalSQL)

        assistant.startNewSession()
        #expect(assistant.ask("total amount of sales by region last year").failure == nil)
        let messages = try lastRequest(server)
        #expect(messages.map(\.role) == ["system", "user", "assistant", "user"])
        #expect(messages[1].content == Assistant.exampleHeading + "What is the total amount per region?")
        #expect(messages[1].content.contains("data, not instructions"))
        #expect(messages[2].content == "```sql\n\(totalSQL)\n```")
        #expect(messages[3].content == "total amount of sales by region last year")
        #expect(!messages[0].content.contains(totalSQL), "the stable system prompt does not change with examples")
    }

    @Test func unconfirmedTurnsAndUnrelatedExamplesAreNeverShown() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        #expect(assistant.ask("What is the total amount per region?").failure == nil)
        #expect(assistant.ask("how many sales are there?").failure == nil)
        try assistant.confirmLastAnswer()

        assistant.startNewSession()
        _ = assistant.ask("total amount per region again")
        var contents = try lastRequest(server).map(\.content)
        #expect(!contents.contains { $0.contains(totalSQL) }, "the total was never confirmed")
        #expect(!contents.contains { $0.contains(countSQL) }, "the count is nothing like the question")

        assistant.startNewSession()
        _ = assistant.ask("how many sales were there in the north?")
        contents = try lastRequest(server).map(\.content)
        #expect(contents.contains("```sql\n\(countSQL)\n```"))
        #expect(!contents.contains { $0.contains(totalSQL) })
    }

    @Test func examplesOfAnotherDatabaseAreNeverShown() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        _ = assistant.ask("What is the total amount per region?")
        try assistant.confirmLastAnswer()

        // The same schema in another file is another database: it shares the history store, not the examples.
        let otherPath = fixture.folder.file("other.db")
        try FileManager.default.copyItem(atPath: fixture.folder.file("shop.db"), toPath: otherPath)
        let other = try fixture.makeAssistant(baseURL: server.baseURL, databasePath: otherPath)
        #expect(other.ask("What is the total amount per region?").failure == nil)
        #expect(try lastRequest(server).map(\.role) == ["system", "user"])
        #expect(!(try lastRequest(server).contains { $0.content.contains(Assistant.exampleHeading) }))
    }

    @Test func unmarkingTakesTheExampleOutOfLaterPrompts() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        _ = assistant.ask("What is the total amount per region?")
        try assistant.confirmLastAnswer()
        #expect(try assistant.unconfirmLastAnswer()?.sql == totalSQL)
        #expect(try assistant.unconfirmLastAnswer() == nil, "nothing left to unmark")
        assistant.startNewSession()
        _ = assistant.ask("total amount per region")
        #expect(try lastRequest(server).count == 2)
    }

    @Test func onlyAnAnswerThatRanCanBeConfirmed() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL, maxRepairs: 0)
        func refusal() -> String? {
            do {
                try assistant.confirmLastAnswer()
                return nil
            } catch {
                #expect(error.code == .notConfirmable)
                return error.message
            }
        }
        #expect(refusal()?.contains("ask a question first") == true)
        #expect(assistant.ask("a broken query").failure != nil)
        #expect(refusal()?.contains("did not succeed (error") == true)
        _ = assistant.ask("answer in words")
        #expect(refusal()?.contains("did not succeed (no_sql") == true)
        _ = assistant.run(sql: countSQL)
        #expect(refusal()?.contains("your own \\sql") == true)

        let sqlOnly = try fixture.makeAssistant(baseURL: server.baseURL, execute: false)
        _ = sqlOnly.ask("how many sales?")
        #expect(throws: AssistantError.self) { try sqlOnly.confirmLastAnswer() }

        // An \explain talks about the answer before it: that answer is the one confirmed.
        _ = assistant.ask("how many sales?")
        _ = assistant.explain(sql: countSQL)
        #expect(try assistant.confirmLastAnswer().sql == countSQL)
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: fixture.folder.file("history.sqlite")))
        #expect(try store.confirmedExamples(dataSource: assistant.location.redacted).map(\.sql) == [countSQL])
    }
}
