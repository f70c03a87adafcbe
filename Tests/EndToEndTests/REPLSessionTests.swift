import Databases
import Foundation
import History
import TestSupport
import Testing

/// The interactive session in a real terminal (tmux), against FakeLLM over loopback and the sample
/// SQLite database: what a person types and sees.
@Suite(.serialized) struct REPLSessionTests {
    let home = TemporaryDirectory("repl")
    /// One built sample for the whole suite instead of one per test.
    static let cache = TemporaryDirectory("repl-cache")

    static let script = FakeLLMServer.script(
        rules: [
            [
                "match": "(?s)```sql.*order_count FROM orders\n```", "reply": "It counts the orders, all of them.",
            ],
            [
                "match": "(?i)by month",
                "reply": "By month:\n```sql\nSELECT substr(ordered_at, 1, 7) AS month, count(*) AS orders "
                    + "FROM orders GROUP BY 1 ORDER BY 1 LIMIT 3\n```",
            ],
            [
                "match": "(?i)stall", "reply": "Working on it ```sql\nSELECT 1\n```", "stall_after_chars": 5,
                "stall_ms": 30000,
            ],
            [
                "match": "(?i)how many orders",
                "reply": "Counting every order.\n\n```sql\nSELECT count(*) AS order_count FROM orders\n```\n",
            ],
        ],
        default: ["reply": "```sql\nSELECT 42 AS answer\n```"])

    func start(
        _ server: FakeLLMServer?, arguments: [String] = [], environment: [String: String] = [:], columns: Int = 100,
        rows: Int = 30
    ) throws -> TerminalSession {
        var variables = ["XDG_CACHE_HOME": Self.cache.path, "PAGER": ""]
        if let server {
            variables["OPENAI_BASE_URL"] = server.baseURL
            variables["OPENAI_API_KEY"] = "sk-test-secret-4242"
        }
        variables.merge(environment) { _, new in new }
        let terminal = try TerminalSession(
            home: home.path, arguments: arguments, environment: variables, columns: columns, rows: rows)
        // The sample is built on the first start: give it time.
        try terminal.waitForPrompt(count: 1, timeout: 60)
        return terminal
    }

    func savedMessages() throws -> [MessageRecord] {
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: home.path + "/data/datachat/history.sqlite"))
        return try store.sessions().reversed().flatMap { try store.messages(sessionID: $0.id) }
    }

    @Test func aQuestionStreamsItsWordsThenTheSQLThenTheResultAndAFollowUpUsesTheConversation() throws {
        let server = try FakeLLMServer(script: Self.script)
        let terminal = try start(server)
        let banner = try terminal.screen()
        #expect(banner.contains("datachat 0.1.0 on "))
        #expect(banner.contains("\\? for help"))

        try terminal.enter("how many orders are there?")
        var screen = try terminal.waitFor("(1 row)")
        #expect(screen.contains("Counting every order."))
        #expect(screen.contains("SELECT count(*) AS order_count FROM orders"))
        #expect(screen.contains("60745"))
        // The fenced block is not shown twice.
        #expect(!screen.contains("```"))
        try terminal.waitForPrompt(count: 2)

        try terminal.enter("and by month?")
        screen = try terminal.waitFor("(3 rows)")
        #expect(screen.contains("2023-01"))
        let requests = try server.requests()
        let body = try #require(requests.last?["body"] as? [String: Any])
        let second = try #require(body["messages"] as? [[String: Any]])
        let texts = second.compactMap { $0["content"] as? String }
        // Each question is sent with the day it was asked (prompts/question.md).
        #expect(texts.contains(where: { $0 == "how many orders are there?" }))
        #expect(texts.contains(where: { $0.contains("SELECT count(*) AS order_count FROM orders") }))
        #expect(texts.last == "and by month?")
    }

    @Test func tabCompletesCommandsTablesColumnsAndKeywords() throws {
        let terminal = try start(nil)
        try terminal.type("\\ses")
        try terminal.press("Tab")
        try terminal.waitFor("datachat> \\sessions")
        try terminal.press("C-u")

        try terminal.type("\\d customer")
        try terminal.press("Tab")
        try terminal.waitFor("datachat> \\d customers")
        try terminal.press("C-u")

        try terminal.type("\\sql SEL")
        try terminal.press("Tab")
        try terminal.waitFor("datachat> \\sql SELECT")
        try terminal.type("orders.order_")
        try terminal.press("Tab")
        try terminal.waitFor("datachat> \\sql SELECT orders.order_id ")
        try terminal.type("FROM orders WHERE orders.order_id = 7")
        try terminal.press("Enter")
        let screen = try terminal.waitFor("(1 row)")
        #expect(screen.contains("\\sql SELECT orders.order_id FROM orders WHERE orders.order_id = 7"))
    }

    @Test func tabListsTheCandidatesWhenTheyShareNoMore() throws {
        let terminal = try start(nil)
        try terminal.type("\\d order")
        try terminal.press("Tab")
        try terminal.waitFor("datachat> \\d order")
        try terminal.press("Tab")
        let screen = try terminal.waitFor("order_items")
        #expect(screen.contains("orders"))
    }

    @Test func linesComeBackAcrossRestartsWithUpAndCtrlR() throws {
        var terminal = try start(nil)
        try terminal.enter("\\sql SELECT 'remembered' AS word")
        try terminal.waitFor("(1 row)")
        try terminal.enter("\\dt")
        try terminal.waitForPrompt(count: 3)
        try terminal.enter("\\q")
        #expect(try terminal.waitForExit() == 0)
        terminal.close()

        terminal = try start(nil)
        try terminal.press("Up")
        try terminal.waitFor("datachat> \\q")
        try terminal.press("Up")
        try terminal.waitFor("datachat> \\dt")
        try terminal.press("C-u")
        try terminal.press("C-r")
        try terminal.type("rememb")
        try terminal.waitFor("SELECT 'remembered' AS word")
        try terminal.press("Enter")
        try terminal.waitFor("(1 row)")
        let history = try String(contentsOfFile: home.path + "/state/datachat/history", encoding: .utf8)
        #expect(history.contains("remembered"))
        let mode = try FileManager.default.attributesOfItem(atPath: home.path + "/state/datachat/history")[
            .posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o600)
    }

    @Test func ctrlCCancelsAStalledAnswerAndTheSessionGoesOn() throws {
        let server = try FakeLLMServer(script: Self.script)
        let terminal = try start(server)
        try terminal.enter("please stall")
        try terminal.waitFor("Worki")
        let pressed = Date()
        try terminal.press("C-c")
        try terminal.waitFor("cancelled")
        try terminal.waitForPrompt(count: 2, timeout: 2)
        #expect(Date().timeIntervalSince(pressed) < 2)

        try terminal.enter("how many orders?")
        try terminal.waitFor("60745")
        let messages = try savedMessages()
        #expect(messages.first(where: { $0.role == .assistant })?.status == .cancelled)
        #expect(messages.last?.status == .ok)
    }

    @Test func ctrlCCancelsARunningQuery() throws {
        let terminal = try start(nil)
        try terminal.enter(
            "\\sql WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n")
        Thread.sleep(forTimeInterval: 0.5)
        let pressed = Date()
        try terminal.press("C-c")
        try terminal.waitFor("datachat: cancelled")
        try terminal.waitForPrompt(count: 2, timeout: 2)
        #expect(Date().timeIntervalSince(pressed) < 2)
        try terminal.enter("\\sql SELECT 7 AS seven")
        try terminal.waitFor("(1 row)")
    }

    @Test func ctrlCAtThePromptDropsTheLineAndCtrlDLeaves() throws {
        let terminal = try start(nil)
        try terminal.type("half a question")
        try terminal.waitFor("half a question")
        try terminal.press("C-c")
        try terminal.waitForPrompt(count: 2)
        try terminal.enter("\\sql SELECT 5 AS five")
        let screen = try terminal.waitFor("(1 row)")
        #expect(!screen.contains("half a question\\sql"))
        try terminal.waitForPrompt(count: 3)
        try terminal.press("C-d")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func accentsAndOtherNonASCIITextSurviveTheLineEditor() throws {
        let terminal = try start(nil)
        try terminal.enter("\\sql SELECT 'für München, Sakura 桜' AS place")
        let screen = try terminal.waitFor("(1 row)")
        #expect(screen.contains(" für München, Sakura 桜"))
    }

    @Test func viKeysFromTheEditrcKeepCompletion() throws {
        let editrc = try home.write("editrc", "bind -v\n")
        let terminal = try start(nil, environment: ["EDITRC": editrc])
        try terminal.type("\\d customer")
        try terminal.press("Tab")
        try terminal.waitFor("datachat> \\d customers")
        try terminal.press("Enter")
        try terminal.waitFor("Notes:")
    }

    @Test func ctrlBackslashAtThePromptLeavesTheTerminalUsable() throws {
        let terminal = try start(nil)
        try terminal.press("C-\\")
        #expect(try terminal.waitForExit() == 131)
        let modes = try terminal.terminalModes()
        #expect(modes.contains(" icanon") && modes.contains(" echo "), "\(modes)")
    }

    /// An earlier REPL hung after `\sql` in two runs of three: keys echoed, Enter ignored.
    @Test func directSQLThenQuitNeverHangs() throws {
        for _ in 1...5 {
            let terminal = try start(nil)
            try terminal.enter("\\sql SELECT 1 AS one")
            try terminal.waitFor("(1 row)")
            try terminal.waitForPrompt(count: 2)
            try terminal.enter("\\q")
            #expect(try terminal.waitForExit(timeout: 5) == 0)
            terminal.close()
        }
    }

    @Test func metaCommandsDescribeTablesAndChangeTheDisplay() throws {
        let terminal = try start(nil)
        try terminal.enter("\\dt")
        var screen = try terminal.waitFor("order_items")
        #expect(screen.contains("sellers"))
        try terminal.enter("\\d orders")
        screen = try terminal.waitFor("Notes:")
        #expect(screen.contains("estimated_delivery_date"))
        #expect(screen.contains("primary"))

        try terminal.enter("\\x")
        try terminal.waitFor("Expanded display is on.")
        try terminal.enter("\\sql SELECT 1 AS one, 2 AS two")
        screen = try terminal.waitFor("-[ RECORD 1 ]")
        #expect(screen.contains("two | 2"))
        try terminal.enter("\\x")
        try terminal.waitFor("Expanded display is off.")

        try terminal.enter("\\format csv")
        try terminal.waitFor("Output format is csv.")
        try terminal.enter("\\sql SELECT 1 AS one, 'a,b' AS two")
        screen = try terminal.waitFor("1,\"a,b\"")
        #expect(screen.contains("one,two"))

        let file = home.file("result.csv")
        try terminal.enter("\\o \(file)")
        try terminal.waitFor("Results go to \(file).")
        try terminal.enter("\\sql SELECT 3 AS three")
        try terminal.waitForPrompt(count: 8)
        try terminal.enter("\\o")
        try terminal.waitFor("Results go to the screen.")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "three\n3\n")

        try terminal.enter("\\dx")
        screen = try terminal.waitFor("unknown command")
        #expect(screen.contains("did you mean \\dt?"))
        try terminal.enter("\\?")
        screen = try terminal.waitFor("\\confirm [on|off]")
        #expect(screen.contains("\\explain"))
    }

    @Test func confirmShowsTheSQLAndAsksBeforeRunning() throws {
        let server = try FakeLLMServer(script: Self.script)
        let terminal = try start(server, arguments: ["--confirm"])
        try terminal.enter("how many orders?")
        try terminal.waitFor("Run? [Y/n/e]")
        try terminal.enter("n")
        var screen = try terminal.waitFor("not run")
        #expect(!screen.contains("60745"))

        try terminal.enter("how many orders?")
        try terminal.waitFor("Run? [Y/n/e]", count: 2)
        try terminal.press("Enter")
        try terminal.waitFor("60745")

        try terminal.enter("how many orders?")
        try terminal.waitFor("Run? [Y/n/e]", count: 3)
        try terminal.enter("e")
        try terminal.waitFor("sql> SELECT count(*) AS order_count FROM orders")
        try terminal.press("End")
        try terminal.enter(" WHERE order_id <= 10")
        screen = try terminal.waitFor("(1 row)", count: 2)
        #expect(screen.contains("\n          10\n") || screen.contains(" 10\n"))
        let messages = try savedMessages().filter { $0.role == .assistant }
        #expect(messages.map(\.status) == [.cancelled, .ok, .ok])
        #expect(messages.last?.sql == "SELECT count(*) AS order_count FROM orders WHERE order_id <= 10")
    }

    @Test func tallResultsGoThroughThePagerAndShortOnesDoNot() throws {
        let paged = home.file("paged.txt")
        let pager = try home.write("pager.sh", "#!/bin/sh\ncat > \(paged)\necho PAGER-DONE\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: pager)
        let terminal = try start(nil, environment: ["PAGER": pager], rows: 30)
        try terminal.enter("\\sql SELECT 1 AS one")
        try terminal.waitFor("(1 row)")
        #expect(!FileManager.default.fileExists(atPath: paged))
        try terminal.enter("\\sql SELECT * FROM orders ORDER BY order_id LIMIT 200")
        try terminal.waitFor("PAGER-DONE")
        let text = try String(contentsOfFile: paged, encoding: .utf8)
        #expect(text.contains("(200 rows)"))
        // The pager scrolls sideways: the table is not cut to the window's width.
        #expect(text.contains("estimated_delivery_date"))
        #expect(!text.contains("…"))
    }

    @Test func tablesFollowTheWindowWhenItIsResized() throws {
        let terminal = try start(nil, columns: 100)
        let query = "\\sql SELECT name, email, city FROM customers ORDER BY customer_id LIMIT 3"
        try terminal.enter(query)
        try terminal.waitFor("(3 rows)")
        #expect(try !terminal.screen().contains("RECORD"), "100 columns hold the table")
        try terminal.resize(columns: 40, rows: 30)
        try terminal.enter(query)
        try terminal.waitFor("(3 rows)", count: 2)
        let rows = try terminal.screen(joinWrapped: false).split(separator: "\n")
        #expect(rows.contains(where: { $0.hasPrefix("-[ RECORD 3 ]") }), "\(rows)")
        for row in rows { #expect(row.count <= 40, "\(row)") }
        #expect(!rows.contains(where: { $0.contains("…") }))
    }

    @Test func withNoEndpointTheSessionOpensSaysHowToConfigureOneAndSQLWorks() throws {
        let terminal = try start(nil)
        let screen = try terminal.screen()
        #expect(screen.contains("No model endpoint is configured"))
        #expect(screen.contains("OPENAI_API_KEY"))
        try terminal.enter("\\sql SELECT 1 AS one")
        try terminal.waitFor("(1 row)")
        try terminal.enter("how many orders?")
        try terminal.waitFor("OPENAI_API_KEY", count: 2)
        try terminal.waitForPrompt(count: 3)
    }

    @Test func sessionCommandsShowUsageHistoryModelAndExplainTheLastSQL() throws {
        let server = try FakeLLMServer(script: Self.script, models: ["gpt-4o-mini", "other-model"])
        let terminal = try start(server)
        try terminal.enter("how many orders?")
        try terminal.waitFor("60745")
        try terminal.enter("\\usage")
        var screen = try terminal.waitFor(" tokens")
        #expect(screen.contains("Tokens this session:"))
        try terminal.enter("\\history")
        screen = try terminal.waitFor("how many orders? | ok")
        try terminal.enter("\\model")
        try terminal.waitFor("Model: gpt-4o-mini")
        try terminal.enter("\\model other-modle")
        try terminal.waitFor("did you mean other-model?")
        try terminal.enter("\\model other-model")
        try terminal.waitFor("Model: other-model")
        try terminal.enter("\\explain")
        try terminal.waitFor("It counts the orders, all of them.")
        let explained = try #require(server.requests().last)
        #expect((explained["body"] as? [String: Any])?["model"] as? String == "other-model")
        let sessionID = try #require(try savedMessages().first?.sessionID)

        try terminal.enter("\\new")
        try terminal.waitFor("New session")
        let shortID = String(sessionID.prefix(8))
        try terminal.enter("\\sessions")
        try terminal.waitFor(shortID)
        try terminal.enter("\\resume \(shortID)")
        try terminal.waitFor("Resumed session \(shortID)")
        try terminal.enter("and by month?")
        try terminal.waitFor("(3 rows)")
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: home.path + "/data/datachat/history.sqlite"))
        #expect(try store.sessions().count == 1)
    }
}
