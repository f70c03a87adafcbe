import Databases
import Foundation
import History
import TestSupport
import Testing

@testable import Assistant

/// `--confirm`: the observer approves, edits or declines the SQL before it runs.
@Suite struct AssistantConfirmationTests {
    let fixture = AssistantFixture()
    let modelSQL = "SELECT region, sum(amount) AS total FROM sales GROUP BY region ORDER BY region"

    func makeServer() throws -> FakeLLMServer {
        try FakeLLMServer(
            script: FakeLLMServer.script(rules: [("(?i)by region", "```sql\n\(modelSQL)\n```")], default: "no"))
    }

    @Test func approvedSQLRunsAsShown() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        let recorder = TurnRecorder()
        let outcome = assistant.ask("Sales by region?", observer: recorder)
        #expect(outcome.failure == nil)
        #expect(recorder.approvals == [modelSQL])
        #expect(recorder.rows == [[.text("north"), .real(15)], [.text("south"), .real(20)]])
        #expect(try assistant.history.messages(sessionID: outcome.sessionID).map(\.status) == [.ok, .ok])
    }

    @Test func declinedSQLIsNotRunNorRepairedAndIsSavedAsCancelled() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL, maxRepairs: 1)
        let recorder = TurnRecorder()
        recorder.approval = { _ in .skip }
        let outcome = assistant.ask("Sales by region?", observer: recorder)
        guard case .declined = outcome.failure else {
            Issue.record("expected a declined turn, got \(String(describing: outcome.failure))")
            return
        }
        #expect(outcome.status == .cancelled)
        #expect(outcome.sql == modelSQL)
        #expect(recorder.rows.isEmpty)
        #expect(recorder.repairs == 0)
        #expect(try AssistantFixture.chatBodies(server).count == 1)
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.cancelled, .cancelled])
        #expect(saved[1].error == "not run: declined at the confirmation prompt")
        #expect(saved[1].sql == modelSQL)
        #expect(saved[1].rowCount == nil)
    }

    @Test func anEditRefusedByTheGuardFailsWithoutARepair() throws {
        let server = try makeServer()
        let path = try fixture.makeDatabase()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL, databasePath: path, maxRepairs: 1)
        let recorder = TurnRecorder()
        recorder.approval = { _ in .run("DELETE FROM sales") }
        let outcome = assistant.ask("Sales by region?", observer: recorder)
        guard case .rejected(let reason) = outcome.failure else {
            Issue.record("expected a refusal, got \(String(describing: outcome.failure))")
            return
        }
        #expect(reason.contains("DELETE"))
        #expect(outcome.sql == "DELETE FROM sales")
        #expect(recorder.repairs == 0)
        #expect(try AssistantFixture.chatBodies(server).count == 1)
        let count = try SQLiteDatabase(path: path, access: .readOnly).fetchAll("SELECT count(*) FROM sales")
        #expect(count.rows == [[.integer(3)]])
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.rejected, .rejected])
        #expect(saved[1].sql == "DELETE FROM sales")
    }

    @Test func anAcceptedEditRunsAndIsSavedInsteadOfTheModelsSQL() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        let recorder = TurnRecorder()
        recorder.approval = { _ in .run("  SELECT count(*) AS n FROM sales\n") }
        let outcome = assistant.ask("Sales by region?", observer: recorder)
        #expect(outcome.failure == nil)
        #expect(outcome.sql == "SELECT count(*) AS n FROM sales")
        #expect(recorder.rows == [[.integer(3)]])
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.ok, .ok])
        #expect(saved[1].sql == "SELECT count(*) AS n FROM sales")
        #expect(saved[1].columns == ["n"])
        #expect(saved[1].rowCount == 1)
        #expect(saved[1].resultPreview == "n\n3\n")
        #expect(assistant.lastSQL == "SELECT count(*) AS n FROM sales")
    }

    @Test func anEditThatFailsInTheDatabaseIsTheUsersAndNotRepaired() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL, maxRepairs: 1)
        let recorder = TurnRecorder()
        // A name the reference check cannot judge (a function), so the edit reaches the database.
        recorder.approval = { _ in .run("SELECT nope(amount) FROM sales") }
        let outcome = assistant.ask("Sales by region?", observer: recorder)
        guard case .database(let error) = outcome.failure else {
            Issue.record("expected a database error, got \(String(describing: outcome.failure))")
            return
        }
        #expect(error.message.contains("no such function"))
        #expect(recorder.repairs == 0)
        #expect(try AssistantFixture.chatBodies(server).count == 1)
        #expect(try assistant.history.messages(sessionID: outcome.sessionID).map(\.status) == [.error, .error])
    }

    @Test func nothingIsAskedWhenTheSQLIsNotRun() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL, execute: false)
        let recorder = TurnRecorder()
        recorder.approval = { _ in .skip }
        let outcome = assistant.ask("Sales by region?", observer: recorder)
        #expect(outcome.failure == nil)
        #expect(recorder.sql == [modelSQL])
        #expect(recorder.approvals.isEmpty)
    }
}
