import Databases
import Foundation
import History
import TestSupport
import Testing

@testable import Assistant

/// `\sql`: the user's own query through the guard, the limits and the history, with no model.
@Suite struct AssistantDirectSQLTests {
    let fixture = AssistantFixture()
    /// Nothing listens here: these turns must not need the endpoint.
    let noEndpoint = "http://127.0.0.1:1/v1"

    @Test func runsAndSavesTheUsersQuery() throws {
        let assistant = try fixture.makeAssistant(baseURL: noEndpoint)
        let recorder = TurnRecorder()
        let outcome = assistant.run(sql: " SELECT region FROM sales ORDER BY id\n", observer: recorder)
        #expect(outcome.failure == nil)
        #expect(outcome.sql == "SELECT region FROM sales ORDER BY id")
        #expect(outcome.rowCount == 3)
        #expect(outcome.columns.map(\.name) == ["region"])
        #expect(recorder.rows == [[.text("north")], [.text("south")], [.text("north")]])
        #expect(recorder.approvals.isEmpty)
        #expect(recorder.modelCalls == 0)
        #expect(assistant.sessionID == outcome.sessionID)

        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.role) == [.user, .assistant])
        #expect(saved[0].content == "\\sql SELECT region FROM sales ORDER BY id")
        #expect(saved[0].status == .ok, "the question takes its turn's status")
        #expect(saved[1].status == .ok)
        #expect(saved[1].sql == "SELECT region FROM sales ORDER BY id")
        #expect(saved[1].columns == ["region"])
        #expect(saved[1].rowCount == 3)
        #expect(saved[1].resultPreview == "region\nnorth\nsouth\nnorth\n")
        #expect(saved[1].resultHash?.isEmpty == false)
        #expect(saved[1].model == nil)
        #expect(saved[1].promptTokens == nil)
        #expect(try assistant.history.session(id: outcome.sessionID)?.title == saved[0].content)
    }

    @Test func theGuardRefusesWritesAndTheRefusalIsSaved() throws {
        let path = try fixture.makeDatabase()
        let assistant = try fixture.makeAssistant(baseURL: noEndpoint, databasePath: path)
        let outcome = assistant.run(sql: "DELETE FROM sales")
        guard case .rejected(let reason) = outcome.failure else {
            Issue.record("expected a refusal, got \(String(describing: outcome.failure))")
            return
        }
        #expect(reason.contains("DELETE"))
        let count = try SQLiteDatabase(path: path, access: .readOnly).fetchAll("SELECT count(*) FROM sales")
        #expect(count.rows == [[.integer(3)]])
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.rejected, .rejected])
        #expect(saved[1].sql == "DELETE FROM sales")
        #expect(saved[1].error?.contains("DELETE") == true)
    }

    @Test func aDatabaseErrorIsSaved() throws {
        let assistant = try fixture.makeAssistant(baseURL: noEndpoint)
        let outcome = assistant.run(sql: "SELECT nope FROM sales")
        guard case .database(let error) = outcome.failure else {
            Issue.record("expected a database error, got \(String(describing: outcome.failure))")
            return
        }
        #expect(error.code == .statementFailed)
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.error, .error])
        #expect(saved[1].error?.contains("no such column: nope") == true)
        #expect(saved[1].columns == nil)
    }

    @Test func theRowCapAppliesAsToTheModelsSQL() throws {
        let assistant = try fixture.makeAssistant(baseURL: noEndpoint)
        assistant.configuration.maxRows = 2
        let recorder = TurnRecorder()
        let outcome = assistant.run(sql: "SELECT * FROM sales", observer: recorder)
        #expect(outcome.failure == nil)
        #expect(outcome.rowCount == 2)
        #expect(outcome.truncated)
        #expect(recorder.results.map(\.truncated) == [true])
    }

    @Test func emptySQLIsNotATurn() throws {
        let assistant = try fixture.makeAssistant(baseURL: noEndpoint)
        let outcome = assistant.run(sql: "  ")
        guard case .assistant(let error) = outcome.failure else {
            Issue.record("expected an input error, got \(String(describing: outcome.failure))")
            return
        }
        #expect(error.message.contains("\\sql"))
        #expect(assistant.sessionID == nil)
    }

    @Test func aFollowUpQuestionSeesTheUsersQuery() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [("(?i)by region", "```sql\nSELECT region, count(*) AS n FROM sales GROUP BY region\n```")],
                default: "no"))
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        let first = assistant.run(sql: "SELECT count(*) AS n FROM sales")
        let second = assistant.ask("and by region?")
        #expect(second.failure == nil)
        #expect(first.sessionID == second.sessionID)
        let sent = AssistantFixture.contents(try #require(AssistantFixture.chatBodies(server).last))
        #expect(sent.count == 4)
        #expect(sent[1] == "\\sql SELECT count(*) AS n FROM sales")
        #expect(sent[2] == "```sql\nSELECT count(*) AS n FROM sales\n```\nIt returned 1 row with the columns n.")
        #expect(sent[3] == "and by region?")
    }
}
