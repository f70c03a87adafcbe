import Assistant
import History
import Replay
import TestSupport
import Testing

/// `--reask` against FakeLLM: each saved question goes to the model again, in a new session linked to the old.
@Suite struct SessionReaskerTests {
    @Test func reportsSameDifferentAndFailedTurnsInALinkedSession() throws {
        let fixture = try ReplayFixture()
        // The original session: three questions answered by a first model.
        let first = try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [
                    ("(?i)how many", "```sql\nSELECT count(*) AS n FROM sales\n```"),
                    ("(?i)north", "```sql\nSELECT sum(amount) AS total FROM sales WHERE region = 'north'\n```"),
                    ("(?i)regions", "```sql\nSELECT DISTINCT region FROM sales ORDER BY region\n```"),
                ], default: "no idea"))
        let original = try fixture.assistant(baseURL: first.baseURL)
        for question in ["How many sales?", "North total?", "Which regions?"] {
            #expect(original.ask(question).failure == nil)
        }
        let originalID = try #require(original.sessionID)

        // The new model: the same SQL for one, another answer for one, words for the last.
        let second = try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [
                    [
                        "match": "(?i)how many", "reply": "```sql\nSELECT count(*) AS n FROM sales\n```",
                        "usage": ["prompt_tokens": 300, "completion_tokens": 12],
                    ],
                    ["match": "(?i)north", "reply": "```sql\nSELECT sum(amount) AS total FROM sales\n```"],
                    ["match": "(?i)regions", "reply": "Which regions do you mean?"],
                ]))
        let session = try SavedSession.load(id: originalID, from: fixture.history())
        let report = try SessionReasker(assistant: try fixture.assistant(baseURL: second.baseURL))
            .reask(session.record, turns: session.turns)

        #expect(report.turns.map(\.verdict) == [.same, .different, .failed])
        #expect(report.turns[1].line == "different: values changed")
        #expect(report.turns[1].savedSQL == "SELECT sum(amount) AS total FROM sales WHERE region = 'north'")
        #expect(report.turns[1].newSQL == "SELECT sum(amount) AS total FROM sales")
        #expect(report.turns[2].line == "failed: answered in words, without SQL")
        #expect(report.turns[0].usage.promptTokens == 300)
        #expect(report.summary.hasPrefix("1 same / 1 different / 1 failed · "))

        let store = try fixture.history()
        let reasked = try #require(try store.session(id: report.newSessionID))
        #expect(reasked.replayOf == originalID)
        #expect(try store.messages(sessionID: report.newSessionID).filter { $0.role == .user }.count == 3)
        // The original is left as it was.
        #expect(try store.messages(sessionID: originalID).count == session.messages.count)
    }

    @Test func sessionLastIsTheNewestSessionOnThisDatabase() throws {
        let fixture = try ReplayFixture()
        let assistant = try fixture.assistant()
        #expect(throws: AssistantError.self) { try assistant.resume(sessionID: Assistant.lastSession) }
        _ = try fixture.saveSession(["SELECT 1"])
        let newest = try fixture.saveSession(["SELECT 2"])
        // A later session on another database is not "last" here.
        let other = try HistoryStore.open(fixture.historyLocation)
        try other.createSession(
            SessionRecord(
                id: HistoryStore.newID(), title: "elsewhere", createdAt: "9999", updatedAt: "9999",
                dataSource: "sqlite:/elsewhere.db", dialect: "sqlite", model: "m", endpointHost: "h",
                userName: "u", clientVersion: "t", schemaFingerprint: ""))
        try assistant.resume(sessionID: Assistant.lastSession)
        #expect(assistant.sessionID == newest)
    }
}
