import Databases
import Foundation
import History
import TestSupport
import Testing

/// `sessions search`, `stats` and `history migrate` as scripts use them: the built binary over real SQLite
/// files and the test PostgreSQL, a history made by real turns against FakeLLM.
@Suite(.serialized) final class HistoryCommandsTests {
    let home = TemporaryDirectory("history-commands")
    let shop: String
    let schemas = PostgresSchemas()

    init() throws {
        shop = home.file("shop.db")
        try SQLiteDatabase(path: shop, access: .readWrite).execute(
            """
            CREATE TABLE orders (id INTEGER PRIMARY KEY, region TEXT NOT NULL, amount INTEGER NOT NULL);
            INSERT INTO orders VALUES (1, 'north', 10), (2, 'south', 20), (3, 'north', 5);
            """)
    }

    static let script = FakeLLMServer.script(
        rules: [
            ("(?i)how many", "```sql\nSELECT count(*) AS n FROM orders\n```"),
            (
                "(?i)by region",
                "Per region:\n```sql\nSELECT region, sum(amount) AS total FROM orders GROUP BY region\n```"
            ),
            ("(?i)remove", "```sql\nDELETE FROM orders\n```"),
        ],
        default: "Which orders do you mean?")

    func runner(_ server: FakeLLMServer? = nil) -> DatachatRunner {
        DatachatRunner(
            home: home.path,
            environment: [
                "OPENAI_API_KEY": "sk-test-secret-4242", "DATABASE_URL": shop,
                "OPENAI_BASE_URL": server?.baseURL ?? "http://127.0.0.1:9/v1",
                // A refusal ends its turn, instead of a repair asking the model again.
                "DATACHAT_MAX_REPAIRS": "0",
            ])
    }

    /// Four turns in one session: answered twice, refused, words without SQL.
    func askFourQuestions(_ runner: DatachatRunner) throws {
        for (index, question) in ["how many orders?", "orders by region", "remove the orders", "hello"].enumerated() {
            _ = try runner.run(["-q", question] + (index == 0 ? [] : ["-c"]))
        }
    }

    /// A history a newer datachat has migrated further is refused by every command, in one line with exit 2,
    /// before a question is sent or anything is written to it.
    @Test func aHistoryFromANewerDatachatIsRefusedByEveryCommand() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        #expect(try runner.run(["-q", "how many orders?"]).status == 0)
        let store = try SQLiteDatabase(path: runner.historyPath, access: .readWrite)
        try store.execute("INSERT INTO schema_version (version) VALUES (99)")
        let before = try store.fetchAll("SELECT count(*) FROM chat_messages").rows
        let asked = try server.requests().count
        let commands = [
            ["-q", "how many orders?"], ["sessions", "list"], ["stats"],
            ["history", "migrate", "--to", home.file("copy.sqlite")],
        ]
        for arguments in commands {
            let result = try runner.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("was written by a newer datachat (store version 99"), "\(arguments)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        #expect(try store.fetchAll("SELECT count(*) FROM chat_messages").rows == before)
        #expect(try server.requests().count == asked, "the refused question was not sent")
    }

    /// Issue 15 item 8: after one 210 KB question, `sessions search orders > s.txt` wrote 10.9 MB for 53 lines,
    /// every row padded to the longest match. Now each row is a snippet, whatever the messages' size.
    @Test func searchPrintsASnippetOfEachHitInEveryFormat() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let huge =
            String(repeating: "lorem ipsum dolor sit amet ", count: 4_000) + "how many orders were late? "
            + String(repeating: "consectetur adipiscing elit ", count: 4_000)
        #expect(huge.utf8.count > 210_000)
        #expect(try runner.run(["-q", "-"], stdin: huge).status == 0)
        for index in 0..<25 { _ = try runner.run(["-q", "how many orders in week \(index)?", "-c"]) }

        let table = try runner.run(["sessions", "search", "orders", "--limit", "100"])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 2 + 52 + 1, "a header, a rule, a line for each question and answer, the count")
        #expect(lines.last == "(52 rows)")
        #expect(table.stdout.utf8.count < 54 * 250, "\(table.stdout.utf8.count) bytes")
        #expect(table.stdout.contains("how many orders were late?"))
        #expect(table.stdout.contains("SELECT count(*) AS n FROM orders"))

        let json = try runner.run(["sessions", "search", "orders", "--limit", "100", "--format", "json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 52)
        #expect(Set(hits.flatMap(\.keys)) == ["session", "seq", "when", "role", "match"])
        #expect(hits.allSatisfy { ($0["match"] as? String)?.count ?? 1_000 <= HistoryStore.snippetLength })
        let week = try runner.run(["sessions", "search", "week 7", "--format", "jsonl"])
        let only = try #require(
            try JSONSerialization.jsonObject(with: Data(week.stdout.utf8)) as? [String: Any])
        #expect(only["match"] as? String == "how many orders in week 7?")
        #expect(only["seq"] as? Int == 17)
        for format in ["csv", "tsv", "markdown", "expanded"] {
            let result = try runner.run(["sessions", "search", "week 7", "--format", format])
            #expect(result.status == 0)
            #expect(result.stdout.contains("how many orders in week 7?"), "\(format)")
        }
        let csv = try runner.run(["sessions", "search", "orders", "--limit", "100", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == 53)

        let none = try runner.run(["sessions", "search", "%%"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("\"%%\" has no word to look for"))
        #expect(try runner.run(["sessions", "search", "nothing-like-it"]).stdout.hasSuffix("(0 rows)\n"))
    }

    @Test func statsCountsTheTurnsInEveryFormat() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        try askFourQuestions(runner)

        let json = try runner.run(["stats", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2, "today, then all")
        let all = rows[1]
        #expect(all["day"] as? String == "all")
        #expect(all["turns"] as? Int == 4)
        #expect(all["ok_pct"] as? Double == 50)
        #expect(all["rejected_pct"] as? Double == 25)
        #expect(all["no_sql_pct"] as? Double == 25)
        #expect(all["error_pct"] as? Double == 0)
        #expect((all["tokens_in"] as? Int ?? 0) > 0)
        #expect(all["first_token_p50_ms"] is Double)
        #expect(all["query_p95_ms"] is Double, "two turns ran SQL")
        #expect(rows[0]["day"] as? String == String(Timestamp.now().prefix(10)))

        let bySession = try runner.run(["stats", "--by", "session", "--session", "last", "--format", "csv"])
        #expect(bySession.status == 0, "\(bySession.stderr)")
        let csv = bySession.stdout.split(separator: "\n")
        #expect(csv.count == 3)
        #expect(
            csv[0].hasPrefix("session,turns,ok_pct,rejected_pct,error_pct,no_sql_pct,cancelled_pct,first_token_p50_ms"))
        #expect(csv[2].hasPrefix("all,4,50"))
        for format in ["table", "expanded", "tsv", "jsonl", "markdown"] {
            let result = try runner.run(["stats", "--format", format])
            #expect(result.status == 0)
            #expect(result.stdout.contains("all"), "\(format)")
        }

        let later = try runner.run(["stats", "--since", "2999-01-01", "--format", "json"])
        #expect(later.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let badDay = try runner.run(["stats", "--since", "2026-02-30"])
        #expect(badDay.status == 2)
        #expect(badDay.stderr.contains("--since takes a day as yyyy-mm-dd (2026-12-01), not \"2026-02-30\""))
        let unknown = try runner.run(["stats", "--session", "ffffffff"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no session ffffffff"))
    }

    /// SQLite to PostgreSQL and back to a new SQLite file: every row once, a second run copies nothing, and
    /// a target holding another row under the same id is refused with exit 8 and left as it was.
    @Test(.enabled(if: TestPostgres.isAvailable)) func migrateCopiesBothWaysOnceAndRefusesADifferentTarget()
        throws
    {
        let server = try FakeLLMServer(script: Self.script)
        let sqlite = runner(server)
        try askFourQuestions(sqlite)
        let postgres = try schemas.make("history_commands").url
        let runner = sqlite

        let there = try runner.run(["history", "migrate", "--to", postgres])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stderr.hasPrefix("copied 1 sessions, 8 messages and 0 confirmed examples to postgresql://"))
        #expect(!there.stderr.contains("datachat-test-password"), "no password in the output")
        #expect(!there.stderr.contains("\r"), "no progress bar when standard error is not a terminal")
        #expect(there.stdout.isEmpty)
        let again = try runner.run(["history", "migrate", "--to", postgres])
        #expect(again.stderr.contains("copied 0 sessions, 0 messages and 0 confirmed examples"))
        #expect(again.stderr.contains("already there: 1 sessions, 8 messages, 0 examples"))

        let back = home.file("back.sqlite")
        let returned = try runner.run(["history", "migrate", "--history-url", postgres, "--to", back])
        #expect(returned.status == 0, "\(returned.stderr)")
        #expect(returned.stderr.hasPrefix("copied 1 sessions, 8 messages"))
        let original = try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath))
        let copy = try HistoryStore.open(DatabaseLocation(sqlitePath: back))
        let id = try #require(try original.sessions().first?.id)
        #expect(try copy.messages(sessionID: id) == original.messages(sessionID: id))
        #expect(try copy.session(id: id) == original.session(id: id))
        var fromCopy = runner
        fromCopy.environment["DATACHAT_HISTORY_URL"] = back
        #expect(try fromCopy.run(["sessions", "search", "region"]).stdout.contains("GROUP BY region"))

        try SQLiteDatabase(path: back, access: .readWrite).execute(
            "UPDATE chat_messages SET content = 'edited' WHERE seq = 1")
        _ = try runner.run(["-q", "how many orders now?"])
        let refused = try runner.run(["history", "migrate", "--to", back])
        #expect(refused.status == 8)
        #expect(
            refused.stderr.hasPrefix(
                "datachat: sqlite:\(back): the target already holds a different message 1 of session"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try copy.sessions().count == 1, "nothing was copied")

        let unreachable = try runner.run(["history", "migrate", "--to", "postgresql://127.0.0.1:9/none"])
        #expect(unreachable.status == 4)
        #expect(unreachable.stderr.hasSuffix("check --to\n"))
    }
}
