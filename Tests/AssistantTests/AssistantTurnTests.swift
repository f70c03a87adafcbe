import Databases
import Foundation
import History
import LLM
import TestSupport
import Testing

@testable import Assistant

/// Whole turns through the real HTTP path (FakeLLM on loopback) and a real SQLite file.
@Suite struct AssistantTurnTests {
    let fixture = AssistantFixture()

    func makeDatabase() throws -> String { try fixture.makeDatabase() }

    func makeAssistant(baseURL: String, databasePath: String? = nil, maxRepairs: Int = 1) throws -> Assistant {
        try fixture.makeAssistant(baseURL: baseURL, databasePath: databasePath, maxRepairs: maxRepairs)
    }

    /// Time the observer's output waited for its reader while rows were shown (`waitedOnReader`) is the
    /// person's: it is counted as waiting, not as the query's time or the turn's.
    @Test func theReadersTimeWithTheRowsIsNotTheQuerys() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(rules: [], default: "```sql\nSELECT * FROM sales ORDER BY id\n```"))
        let assistant = try makeAssistant(baseURL: server.baseURL)
        let recorder = TurnRecorder()
        recorder.readerWaitPerRow = .milliseconds(400)
        let outcome = assistant.ask("every sale", observer: recorder)
        #expect(outcome.failure == nil && recorder.rows.count == 3)
        #expect(outcome.timings.waiting >= 1_200, "\(outcome.timings)")
        #expect(outcome.timings.execution < 600, "\(outcome.timings)")
        let saved = try #require(try assistant.history.messages(sessionID: outcome.sessionID).last)
        #expect((saved.executionMilliseconds ?? .infinity) < 600)
        #expect((saved.totalMilliseconds ?? .infinity) < outcome.timings.model + 600)
    }

    @Test func answersAndSavesTheTurn() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [
                    (
                        "(?i)by region",
                        "```sql\nSELECT region, sum(amount) AS total FROM sales GROUP BY region ORDER BY region\n```"
                    )
                ],
                default: "no"))
        let assistant = try makeAssistant(baseURL: server.baseURL)
        let recorder = TurnRecorder()
        let outcome = assistant.ask("Sales by region?", observer: recorder)
        #expect(outcome.failure == nil)
        #expect(recorder.rows == [[.text("north"), .real(15)], [.text("south"), .real(20)]])
        #expect(outcome.rowCount == 2)
        #expect(outcome.timings.total >= outcome.timings.model + outcome.timings.execution)
        #expect(outcome.timings.model > 0)

        let messages = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(messages.map(\.role) == [.user, .assistant])
        #expect(messages[0].content == "Sales by region?")
        #expect(messages[0].status == .ok, "the question takes its turn's status")
        #expect(messages[1].status == .ok)
        #expect(messages[1].sql?.hasPrefix("SELECT region") == true)
        #expect(messages[1].columns == ["region", "total"])
        #expect(messages[1].rowCount == 2)
        #expect(messages[1].resultPreview == "region,total\nnorth,15.0\nsouth,20.0\n")
        #expect((messages[1].promptTokens ?? 0) > 0)

        let request = try #require(server.requests().last)
        let body = try #require(request["body"] as? [String: Any])
        let sent = try #require(body["messages"] as? [[String: Any]])
        let system = sent.first?["content"] as? String ?? ""
        #expect(system.contains("CREATE TABLE sales"))
        #expect(system.contains("sales: one row per sale"))
        #expect(system.contains("SQLite"))
        let headers = try #require(request["headers"] as? [String: String])
        #expect(headers["authorization"] == "Bearer sk-test-123")
    }

    @Test func theQuestionIsSavedWhenTheEndpointIsDown() throws {
        let assistant = try makeAssistant(baseURL: "http://127.0.0.1:1/v1")
        let outcome = assistant.ask("anything?")
        guard case .endpoint(let error) = outcome.failure else {
            Issue.record("expected an endpoint failure, got \(String(describing: outcome.failure))")
            return
        }
        #expect(error.code == .unreachable)
        let messages = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(messages.map(\.status) == [.error, .error])
        #expect(messages[1].error?.contains("cannot connect") == true)
    }

    @Test func aFailingQueryGoesBackToTheModelOnce() throws {
        let script = """
            {"rules": [{"match": "total|failed", "replies": ["```sql\\nSELECT amount_typo FROM sales\\n```", "```sql\\nSELECT sum(amount) AS total FROM sales\\n```"]}],
             "default": {"reply": "no"}}
            """
        let server = try FakeLLMServer(script: script)
        let assistant = try makeAssistant(baseURL: server.baseURL)
        let recorder = TurnRecorder()
        let outcome = assistant.ask("total sales?", observer: recorder)
        #expect(outcome.failure == nil)
        #expect(outcome.attempts == 2)
        #expect(recorder.repairs == 1)
        #expect(recorder.rows == [[.real(35)]])
        let repairRequest = try #require(server.requests().last?["body"] as? [String: Any])
        let sent = repairRequest["messages"] as? [[String: Any]] ?? []
        #expect((sent.last?["content"] as? String)?.contains("no such column: amount_typo") == true)
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.ok, .error, .ok])
        #expect(saved.map(\.attempt) == [1, 1, 2])
    }

    @Test func rejectedSQLNeverRuns() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(rules: [("(?i)clean", "```sql\nDELETE FROM sales\n```")], default: "no"))
        let path = try makeDatabase()
        let assistant = try makeAssistant(baseURL: server.baseURL, databasePath: path, maxRepairs: 0)
        let outcome = assistant.ask("clean up the table")
        guard case .rejected(let reason) = outcome.failure else {
            Issue.record("expected a rejection, got \(String(describing: outcome.failure))")
            return
        }
        #expect(reason.contains("DELETE"))
        let count = try SQLiteDatabase(path: path, access: .readOnly).fetchAll("SELECT count(*) FROM sales")
        #expect(count.rows == [[.integer(3)]])
        #expect(try assistant.history.messages(sessionID: outcome.sessionID).last?.status == .rejected)
    }

    @Test func followUpsCarryTheConversation() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [
                    ("(?i)how many", "```sql\nSELECT count(*) AS n FROM sales\n```"),
                    ("(?i)and by region", "```sql\nSELECT region, count(*) AS n FROM sales GROUP BY region\n```"),
                ], default: "no"))
        let assistant = try makeAssistant(baseURL: server.baseURL)
        let first = assistant.ask("How many sales?")
        let second = assistant.ask("and by region?")
        #expect(first.sessionID == second.sessionID)
        let body = try #require(server.requests().last?["body"] as? [String: Any])
        let sent = (body["messages"] as? [[String: Any]] ?? []).compactMap { $0["content"] as? String }
        #expect(sent.count == 4)
        #expect(sent[1] == "How many sales?")
        #expect(sent[2].contains("SELECT count(*) AS n FROM sales"))
        #expect(sent[3] == "and by region?")
    }

    @Test func aMissingDatabaseIsASavedFailedTurn() throws {
        let server = try FakeLLMServer(script: FakeLLMServer.script(rules: [], default: "```sql\nSELECT 1\n```"))
        let assistant = try makeAssistant(baseURL: server.baseURL, databasePath: fixture.folder.file("missing.db"))
        let outcome = assistant.ask("anything")
        guard case .database(let error) = outcome.failure else {
            Issue.record("expected a database failure, got \(String(describing: outcome.failure))")
            return
        }
        #expect(error.code == .cannotOpen)
        #expect(try server.requests().isEmpty, "the model is not asked when there is no database")
        #expect(try assistant.history.messages(sessionID: outcome.sessionID).map(\.status) == [.error, .error])
    }
}
