import Foundation
import History
import TestSupport
import Testing

/// What a turn looks like on the screen: repairs, wide tables, the status while the model writes, the
/// banner on a database that cannot be opened.
extension REPLSessionTests {
    static let repairScript = FakeLLMServer.script(
        rules: [
            // The repair request quotes the failed SQL; the question itself does not.
            [
                "match": "revnue",
                "reply": "```sql\nSELECT ROUND(SUM(quantity*unit_price),2) AS revenue FROM order_items\n```\n"
                    + "Fixed the column name.",
            ],
            ["match": "(?i)revenue", "reply": "```sql\nSELECT SUM(revnue) FROM order_items\n```"],
            ["match": "(?i)weather", "reply": "I cannot tell the weather from this data."],
            ["match": "(?i)forecast", "reply": "```\nNo table holds a forecast.\n```"],
            [
                "match": "(?i)slowly",
                "reply": "Here it is:\n```sql\nSELECT count(*) AS order_count FROM orders\n```\nAll orders.",
                "stall_after_chars": 30, "stall_ms": 3000,
            ],
        ])

    @Test func aRepairShowsTheErrorThenTheRepairedSQLOnceAndTheModelsWords() throws {
        let server = try FakeLLMServer(script: Self.repairScript)
        let terminal = try start(server)
        try terminal.enter("total revenue?")
        try terminal.waitFor("(1 row)")
        let screen = try terminal.waitForPrompt(count: 2)
        #expect(screen.contains("asking the model to correct it"))
        #expect(screen.contains("Fixed the column name."))
        #expect(!screen.contains("```"))
        #expect(screen.components(separatedBy: "ROUND(SUM(quantity*unit_price),2)").count - 1 == 1, "\(screen)")
    }

    @Test func anAnswerInWordsIsShownOnceAndNotAsAnError() throws {
        let server = try FakeLLMServer(script: Self.repairScript)
        let terminal = try start(server)
        try terminal.enter("what is the weather?")
        try terminal.waitFor("weather from this data.")
        let screen = try terminal.waitForPrompt(count: 2)
        #expect(screen.components(separatedBy: "I cannot tell the weather").count - 1 == 1, "\(screen)")
        #expect(!screen.contains("datachat: "), "\(screen)")

        // Words the model put in a block are still its answer: shown, once, without the fence.
        try terminal.enter("and the forecast?")
        let fenced = try terminal.waitForPrompt(count: 3)
        #expect(fenced.components(separatedBy: "No table holds a forecast.").count - 1 == 1, "\(fenced)")
        #expect(!fenced.contains("```"))
        #expect(!fenced.contains("datachat: "), "\(fenced)")
    }

    @Test func whileTheModelWritesSQLTheStatusStaysOnScreen() throws {
        let server = try FakeLLMServer(script: Self.repairScript)
        let terminal = try start(server)
        try terminal.enter("count the orders slowly")
        try terminal.waitFor("Here it is:")
        let writing = try terminal.waitFor("writing SQL")
        #expect(writing.contains("Here it is:"))
        try terminal.waitFor("(1 row)")
        let screen = try terminal.waitForPrompt(count: 2)
        #expect(!screen.contains("writing SQL"), "\(screen)")
        // The status had a line of its own under the words, and the words go on there once it is cleared.
        #expect(screen.contains("Here it is:\nAll orders.\nSELECT count(*)"), "\(screen)")
    }

    @Test func aTableTooWideForTheWindowIsShownExpandedWithNothingCut() throws {
        let terminal = try start(nil, columns: 60)
        try terminal.enter("\\sql SELECT * FROM customers ORDER BY customer_id LIMIT 3")
        try terminal.waitFor("(3 rows)")
        let screen = try terminal.screen(joinWrapped: false)
        #expect(screen.contains("-[ RECORD 1 ]"), "\(screen)")
        #expect(screen.contains("email       | julianascimento@gmail.com"), "\(screen)")
        #expect(screen.contains("customer_id | 1\n"), "\(screen)")
        #expect(!screen.contains("…"), "\(screen)")
        let records = screen.split(separator: "\n").drop(while: { !$0.hasPrefix("-[ RECORD 1 ]") })
        #expect(records.count > 21)
        for row in records { #expect(row.count < 60, "\(row)") }

        try terminal.enter("\\sql SELECT customer_id, state FROM customers ORDER BY customer_id LIMIT 2")
        try terminal.waitFor("(2 rows)")
        #expect(try terminal.screen().contains(" customer_id | state"))
    }

    /// Time at `Run? [Y/n/e]` and in the pager is the person's: the saved timings are the model's and the query's.
    @Test func savedTimingsLeaveOutThePromptAndThePager() throws {
        let pager = try home.write("pager.sh", "#!/bin/sh\ncat > /dev/null\nsleep 4\necho PAGER-DONE\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: pager)
        let server = try FakeLLMServer(script: Self.script)
        let terminal = try start(server, arguments: ["--confirm"], environment: ["PAGER": pager], rows: 20)
        try terminal.enter("how many orders?")
        try terminal.waitFor("Run? [Y/n/e]")
        Thread.sleep(forTimeInterval: 4)
        try terminal.press("Enter")
        try terminal.waitFor("(1 row)")
        try terminal.waitForPrompt(count: 2)
        try terminal.enter("\\sql SELECT order_id FROM orders ORDER BY order_id LIMIT 100")
        try terminal.waitFor("PAGER-DONE")
        try terminal.waitForPrompt(count: 3)
        let answers = try savedMessages().filter { $0.role == .assistant }
        #expect(answers.count == 2)
        for answer in answers {
            let total = try #require(answer.totalMilliseconds)
            let query = try #require(answer.executionMilliseconds)
            #expect(total < 3_000, "\(answer.content): total \(total) ms")
            #expect(query < 3_000, "\(answer.content): query \(query) ms")
        }
    }

    /// Rows streamed (CSV, not held for a table) into a pager that does not read yet: the writes that waited
    /// for it are timed by the output itself (`waitedOnReader`), and left out of the query's time.
    @Test func rowsStreamedIntoAPagerThatWaitsAreNotTheQuerysTime() throws {
        let pager = try home.write("pager.sh", "#!/bin/sh\nsleep 4\ncat > /dev/null\necho PAGER-DONE\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: pager)
        let terminal = try start(nil, environment: ["PAGER": pager], rows: 20)
        try terminal.enter("\\format csv")
        try terminal.waitForPrompt(count: 2)
        // 1,000 rows of 200 bytes: more than the output's buffer and the pipe's together.
        try terminal.enter(
            "\\sql WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                + "SELECT i, '\(String(repeating: "x", count: 200))' AS filler FROM n")
        try terminal.waitFor("PAGER-DONE")
        try terminal.waitForPrompt(count: 3)
        let answer = try #require(try savedMessages().last { $0.role == .assistant })
        #expect(answer.rowCount == 1_000)
        let query = try #require(answer.executionMilliseconds)
        let total = try #require(answer.totalMilliseconds)
        #expect(query < 3_000 && total < 3_000, "query \(query) ms, total \(total) ms")
    }

    @Test func theBannerSaysWhenTheDatabaseIsMissing() throws {
        let missing = home.file("nope.db")
        let terminal = try start(nil, environment: ["DATABASE_URL": missing])
        let banner = try terminal.screen()
        #expect(banner.contains("The database cannot be opened: no SQLite database at \(missing)"), "\(banner)")
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(banner.components(separatedBy: "datachat> ").count - 1 == 1, "the session goes on")
        try terminal.enter("\\q")
        #expect(try terminal.waitForExit() == 0)
        terminal.close()

        let unreachable = try start(nil, environment: ["DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"])
        #expect(try unreachable.screen().contains("The database cannot be opened: cannot connect to"))
    }
}
