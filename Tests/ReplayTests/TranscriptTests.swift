import Foundation
import History
import Render
import Replay
import Testing

/// The saved transcript in every form: text with the preview as a table, markdown, JSON with every field,
/// and HTML that carries no script and escapes what the model or the user wrote.
@Suite struct TranscriptTests {
    let fixture: ReplayFixture
    let id: String

    init() throws {
        fixture = try ReplayFixture()
        id = try fixture.saveSession(["SELECT region, amount FROM sales ORDER BY id", "SELECT count(*) AS n FROM tags"])
        // A turn in the model's words, with markup a page must not run.
        let store = try fixture.history()
        try store.append(
            MessageRecord(sessionID: id, role: .user, content: "<script>alert(1)</script> & more", status: .pending))
        try store.append(
            MessageRecord(
                sessionID: id, role: .assistant, content: "I need a <b>date</b> range.", status: .noSQL, model: "m",
                promptTokens: 120, completionTokens: 8, modelMilliseconds: 250))
    }

    func session() throws -> SavedSession { try SavedSession.load(id: id, from: fixture.history()) }

    @Test func textShowsTheQuestionSQLPreviewTableStatusAndTimings() throws {
        let session = try session()
        let output = StringOutput()
        let writer = TranscriptWriter(format: .table)
        writer.writeHeader(session.record, to: output)
        for turn in session.transcript { writer.write(turn, to: output) }
        let text = output.text
        #expect(text.contains("1> \\sql SELECT region, amount FROM sales ORDER BY id\n"))
        #expect(text.contains(" region | amount\n--------+--------\n north  |     10\n south  |     20\n"))
        #expect(text.contains("-- ok · 3 rows, from the saved preview · "))
        #expect(text.contains("3> <script>alert(1)</script> & more\nI need a <b>date</b> range.\n-- no_sql"))
        #expect(text.contains("120 + 8 tokens"))
    }

    @Test func aCancelledTurnSaysSoOnce() throws {
        let store = try fixture.history()
        try store.append(MessageRecord(sessionID: id, role: .user, content: "slow one", status: .pending))
        try store.append(
            MessageRecord(sessionID: id, role: .assistant, content: "", status: .cancelled, error: "cancelled"))
        let output = StringOutput()
        let writer = TranscriptWriter(format: .table)
        for turn in try session().transcript { writer.write(turn, to: output) }
        #expect(output.text.contains("4> slow one\n-- cancelled\n"), "\(output.text)")
    }

    @Test func markdownFencesTheSQLAndTabulatesThePreview() throws {
        let session = try session()
        let output = StringOutput()
        let writer = TranscriptWriter(format: .markdown)
        writer.writeHeader(session.record, to: output)
        for turn in session.transcript { writer.write(turn, to: output) }
        #expect(output.text.contains("```sql\nSELECT region, amount FROM sales ORDER BY id\n```\n"))
        #expect(output.text.contains("| region | amount |\n| --- | ---: |\n| north | 10 |"))
        #expect(output.text.contains("## 3. \\<script\\>alert(1)\\</script\\> & more"))
    }

    @Test func jsonParsesAndHoldsEveryFieldOfEveryMessage() throws {
        let session = try session()
        let text = TranscriptJSON.session(session.record, messages: session.messages, confirmed: session.confirmed)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let messages = try #require(object["messages"] as? [[String: Any]])
        #expect(messages.count == session.messages.count)
        #expect(messages.count == 6)
        let fields: Set<String> = [
            "id", "session_id", "seq", "role", "content", "sql", "status", "error", "columns", "row_count",
            "result_hash", "result_set_hash", "result_preview", "attempt", "model", "prompt_tokens",
            "completion_tokens", "first_token_ms", "model_ms", "execution_ms", "total_ms", "created_at", "confirmed",
        ]
        for message in messages { #expect(Set(message.keys) == fields) }
        #expect(messages[1]["row_count"] as? Int == 3)
        #expect(messages[1]["columns"] as? [String] == ["region", "amount"])
        #expect(messages[5]["prompt_tokens"] as? Int == 120)
        let sessionObject = try #require(object["session"] as? [String: Any])
        #expect(sessionObject["id"] as? String == id)
        #expect(sessionObject.keys.contains("replay_of"))
    }

    @Test func htmlIsOneSelfContainedPageWithoutScripts() throws {
        let session = try session()
        let html = TranscriptHTML.page(session.record, turns: session.transcript)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=") && !html.contains("href="))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        #expect(html.contains("I need a &lt;b&gt;date&lt;/b&gt; range."))
        #expect(html.contains("<tr><td>north</td><td class=\"number\">10</td></tr>"))
        #expect(html.contains("<pre><code>SELECT region, amount FROM sales ORDER BY id</code></pre>"))
    }
}
