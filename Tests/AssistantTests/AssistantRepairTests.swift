import Databases
import Foundation
import History
import LLM
import TestSupport
import Testing

@testable import Assistant

/// Wrong names caught before the database, fixed mechanically or repaired with the schema's facts,
/// against FakeLLM over HTTP and a real SQLite file.
@Suite struct AssistantRepairTests {
    let fixture = AssistantFixture()

    func server(_ replies: [String]) throws -> FakeLLMServer {
        let encoded = try JSONSerialization.data(withJSONObject: replies.map { "```sql\n\($0)\n```" })
        return try FakeLLMServer(
            script: "{\"rules\": [{\"match\": \".\", \"replies\": \(String(decoding: encoded, as: UTF8.self))}]}")
    }

    @Test func aWrongColumnNeverReachesTheDatabase() throws {
        let server = try server(["SELECT amount_typo FROM sales"])
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL, maxRepairs: 0)
        let outcome = assistant.ask("total?")
        guard case .unknownReference(let problem) = outcome.failure else {
            Issue.record("expected the reference check's failure, got \(String(describing: outcome.failure))")
            return
        }
        #expect(problem.message == "no such column: amount_typo (did you mean sales.amount?)")
        // Nothing ran: no time was spent in the database, and the saved error is the check's, not SQLite's.
        #expect(outcome.timings.execution == 0)
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.error, .error])
        #expect(saved[1].error == problem.message)
        #expect(saved[1].sql == "SELECT amount_typo FROM sales")
    }

    @Test func aMechanicalFixRunsWithoutAskingTheModel() throws {
        let server = try server(["SELECT re_gion, sum(amount) AS total FROM sales GROUP BY RE_GION ORDER BY re_gion"])
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        let recorder = TurnRecorder()
        let outcome = assistant.ask("total by region?", observer: recorder)
        #expect(outcome.failure == nil)
        #expect(try AssistantFixture.chatBodies(server).count == 1, "the fix asked no model")
        #expect(recorder.repairs == 0)
        #expect(recorder.fixes == ["re_gion -> region, RE_GION -> region"])
        #expect(recorder.rows == [[.text("north"), .real(15)], [.text("south"), .real(20)]])
        #expect(outcome.sql == "SELECT region, sum(amount) AS total FROM sales GROUP BY region ORDER BY region")
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.ok, .error, .ok])
        #expect(saved.map(\.attempt) == [1, 1, 2])
        #expect(saved[2].content == "fixed: re_gion -> region, RE_GION -> region")
        #expect(saved[2].model == nil)
        #expect(saved[2].rowCount == 2)
    }

    @Test func aMySQLDateFunctionIsRewrittenAfterTheEnginesErrorWithoutAskingTheModel() throws {
        let server = try server(["SELECT YEAR('2024-03-05') AS year, count(*) AS sales FROM sales"])
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        let recorder = TurnRecorder()
        let outcome = assistant.ask("sales this year?", observer: recorder)
        #expect(outcome.failure == nil)
        #expect(try AssistantFixture.chatBodies(server).count == 1, "the fix asked no model")
        #expect(recorder.fixes == ["YEAR() -> SQLite's own (SQLite has no YEAR)"])
        #expect(recorder.rows == [[.integer(2024), .integer(3)]])
        #expect(
            outcome.sql == "SELECT CAST(strftime('%Y', '2024-03-05') AS INTEGER) AS year, count(*) AS sales FROM sales")
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.ok, .error, .ok])
        #expect(saved[1].error?.contains("no such function: YEAR") == true)
        #expect(saved[2].content == "fixed: YEAR() -> SQLite's own (SQLite has no YEAR)")
        #expect(saved[2].model == nil)
    }

    @Test func theRepairRequestCarriesTheColumnsAndTheNearestNames() throws {
        let server = try server(["SELECT sum(total_amount) FROM sales", "SELECT sum(amount) AS total FROM sales"])
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        let outcome = assistant.ask("total?")
        #expect(outcome.failure == nil)
        let bodies = try AssistantFixture.chatBodies(server)
        #expect(bodies.count == 2)
        let repair = try #require(AssistantFixture.contents(bodies[1]).last)
        #expect(repair.contains("no such column: total_amount (did you mean sales.amount?)"))
        #expect(repair.contains("- sales: id, region, amount"))
        #expect(repair.contains("- sales.amount ("))
        #expect(!repair.contains("{{"))
    }

    @Test func aRepeatedQueryIsNotRunTwiceAndTheQuestionIsAskedAfreshAtATemperature() throws {
        let bad = "SELECT sum(total_amount) FROM sales"
        let server = try server([
            bad, "select SUM(total_amount)\n  from sales;", "SELECT sum(amount) AS total FROM sales",
        ])
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL, maxRepairs: 2)
        let recorder = TurnRecorder()
        let outcome = assistant.ask("total?", observer: recorder)
        #expect(outcome.failure == nil)
        #expect(recorder.rows == [[.real(35)]])
        let bodies = try AssistantFixture.chatBodies(server)
        #expect(bodies.count == 3)
        // The repair that came back as the same query is not answered with another repair (the model copies
        // what it sees): the third request is the first, sampled.
        #expect(AssistantFixture.contents(bodies[2]) == AssistantFixture.contents(bodies[0]))
        #expect(AssistantFixture.contents(bodies[1]).count == AssistantFixture.contents(bodies[0]).count + 2)
        #expect(bodies[0]["temperature"] as? Double == 0)
        #expect(bodies[0]["seed"] == nil)
        #expect(bodies[2]["temperature"] as? Double == 0.7)
        #expect(bodies[2]["seed"] as? Int == 3)
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.ok, .error, .error, .ok])
        #expect(saved[2].error?.hasPrefix("the model sent the same query again (not run)") == true)
        #expect(saved[2].executionMilliseconds == 0 || saved[2].executionMilliseconds == nil)
    }

    @Test func aDrawThatFailsIsFollowedByAnotherDrawNotARepair() throws {
        let server = try server([
            "SELECT a1 FROM sales", "SELECT a1 FROM sales", "SELECT a2 FROM sales", "SELECT sum(amount) FROM sales",
        ])
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL, maxRepairs: 3)
        let outcome = assistant.ask("total?")
        #expect(outcome.failure == nil)
        let bodies = try AssistantFixture.chatBodies(server)
        #expect(bodies.count == 4)
        #expect(AssistantFixture.contents(bodies[3]) == AssistantFixture.contents(bodies[0]))
        #expect(bodies[2]["seed"] as? Int == 3)
        #expect(bodies[3]["seed"] as? Int == 4)
    }

    @Test func threeRepairsAtMostByDefault() throws {
        #expect(AssistantConfiguration(clientVersion: "t", userName: "u").maxRepairs == 3)
        let server = try server(["SELECT a1 FROM sales", "SELECT a2 FROM sales", "SELECT a3 FROM sales", "SELECT 1"])
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL, maxRepairs: 2)
        let outcome = assistant.ask("total?")
        guard case .unknownReference(let problem) = outcome.failure else {
            Issue.record("expected the last attempt's failure, got \(String(describing: outcome.failure))")
            return
        }
        #expect(problem.reference == "a3")
        #expect(try AssistantFixture.chatBodies(server).count == 3)
        #expect(
            try assistant.history.messages(sessionID: outcome.sessionID).map(\.status)
                == [.error, .error, .error, .error])
    }

    @Test func figuresWithoutAQueryAreAskedAgainAsADraw() throws {
        let replies = ["There are 40,000 sales in the table.", "```sql\nSELECT count(*) FROM sales\n```"]
        let encoded = try JSONSerialization.data(withJSONObject: replies)
        let server = try FakeLLMServer(
            script: "{\"rules\": [{\"match\": \".\", \"replies\": \(String(decoding: encoded, as: UTF8.self))}]}")
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        let outcome = assistant.ask("how many sales in 2024?")
        #expect(outcome.failure == nil)
        #expect(outcome.sql == "SELECT count(*) FROM sales")
        let bodies = try AssistantFixture.chatBodies(server)
        #expect(bodies.count == 2)
        #expect(AssistantFixture.contents(bodies[1]) == AssistantFixture.contents(bodies[0]), "the question afresh")
        #expect(bodies[1]["seed"] as? Int == 2)
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.ok, .noSQL, .ok])
        #expect(saved[1].error?.hasPrefix("the model stated figures without a query") == true)
        // With no call left, the words are the answer, as any answer in words.
        let again = try FakeLLMServer(
            script: "{\"rules\": [{\"match\": \".\", \"replies\": \(String(decoding: encoded, as: UTF8.self))}]}")
        let last = try fixture.makeAssistant(baseURL: again.baseURL, maxRepairs: 0).ask("how many sales?")
        #expect(last.isAnswerInWords)
    }

    @Test func numbersTheQuestionGaveOrAQuestionBackAreNoGuess() {
        #expect(UnqueriedFigures.stated(in: "There are 40,000 customers.", asking: "How many customers?"))
        #expect(UnqueriedFigures.stated(in: "They joined in 2018.", asking: "When did Acme join?"))
        #expect(!UnqueriedFigures.stated(in: "Which year do you mean: 2023 or 2024?", asking: "sales last year?"))
        #expect(!UnqueriedFigures.stated(in: "The table has no data for 2022.", asking: "Revenue in 2022"))
        #expect(!UnqueriedFigures.stated(in: "This data cannot say who the users are.", asking: "who uses q4 reports"))
        #expect(
            UnqueriedFigures.numbers(in: "order_items2 had 1,234.5 in q4 (2024-12-01)") == [
                "12345", "2024", "12", "01",
            ])
    }

    @Test func anAnswerInWordsIsSavedAsWords() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(rules: [], default: "Which year do you mean: 2023 or 2024?"))
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        let outcome = assistant.ask("sales last year?")
        #expect(outcome.isAnswerInWords)
        #expect(try AssistantFixture.chatBodies(server).count == 1, "words are not repaired")
        let saved = try assistant.history.messages(sessionID: outcome.sessionID)
        #expect(saved.map(\.status) == [.noSQL, .noSQL])
        #expect(saved[1].content == "Which year do you mean: 2023 or 2024?")
        #expect(saved[1].error == nil)
    }
}
