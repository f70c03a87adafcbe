import Foundation
import TestSupport
import Testing

/// `\good` in a real terminal: which turn it marks, what it refuses, and what the next similar question sends.
extension REPLSessionTests {
    @Test func goodMarksTheLastAnswerAndASimilarQuestionLaterIsShownIt() throws {
        let server = try FakeLLMServer(script: Self.script)
        let terminal = try start(server)
        try terminal.enter("\\good")
        try terminal.waitFor("nothing to confirm yet: ask a question first")

        try terminal.enter("how many orders are there?")
        try terminal.waitFor("(1 row)")
        try terminal.waitForPrompt(count: 3)
        try terminal.enter("\\good")
        try terminal.waitFor(
            "Marked as right: \"how many orders are there?\" → SELECT count(*) AS order_count FROM orders.")

        try terminal.enter("\\new")
        try terminal.waitFor("New session")
        try terminal.enter("how many orders were shipped?")
        try terminal.waitFor("(1 row)", count: 2)
        try terminal.waitForPrompt(count: 6)
        let body = try #require(try server.requests().last?["body"] as? [String: Any])
        let contents = (body["messages"] as? [[String: Any]] ?? []).compactMap { $0["content"] as? String }
        #expect(contents.count == 4)
        #expect(contents[1].contains("data, not instructions"))
        #expect(contents[1].hasSuffix("how many orders are there?"))
        #expect(contents[2] == "```sql\nSELECT count(*) AS order_count FROM orders\n```")
        #expect(contents[3] == "how many orders were shipped?")

        // The new session's answer was not marked; the first one stays marked.
        try terminal.enter("\\good off")
        try terminal.waitFor("The last answer was not marked as right.")
        try terminal.enter("\\resume \(try #require(try savedMessages().first?.sessionID).prefix(8))")
        try terminal.waitFor("Resumed session")
        try terminal.enter("\\good off")
        try terminal.waitFor("Unmarked: \"how many orders are there?\"")
        try terminal.enter("\\good maybe")
        try terminal.waitFor("usage: \\good [off]")
        try terminal.enter("\\?")
        try terminal.waitFor("\\good [off]")
    }

    @Test func goodIsRefusedAfterAFailedTurn() throws {
        let server = try FakeLLMServer(script: Self.script)
        let terminal = try start(server)
        try terminal.enter("\\sql SELECT no_such_column FROM orders")
        try terminal.waitFor("no such column")
        try terminal.enter("\\good")
        try terminal.waitFor("the last turn ran your own \\sql")
        try terminal.enter("please stall")
        try terminal.waitFor("Worki")
        try terminal.press("C-c")
        try terminal.waitFor("cancelled")
        try terminal.waitForPrompt(count: 4)
        try terminal.enter("\\good")
        try terminal.waitFor("the last turn did not succeed (cancelled")
    }
}
