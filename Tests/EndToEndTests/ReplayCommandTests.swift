import Databases
import Foundation
import History
import TestSupport
import Testing

/// `datachat replay`, `export` and `sessions show` as scripts and CI jobs use them: the built binary, a real
/// SQLite shop that the test changes under a saved session, and FakeLLM.
@Suite struct ReplayCommandTests {
    let home = TemporaryDirectory("replay-command")
    let shop: String

    static let script = FakeLLMServer.script(
        rules: [
            ("(?i)how many", "```sql\nSELECT count(*) AS n FROM sales\n```"),
            (
                "(?i)by region",
                "Per region:\n```sql\nSELECT region, sum(amount) AS total FROM sales GROUP BY region\n```"
            ),
            ("(?i)list", "```sql\nSELECT region, amount FROM sales\n```"),
        ],
        default: "Which sales do you mean?")

    init() throws {
        shop = home.file("shop.db")
        try Self.writer(shop).execute(
            """
            CREATE TABLE sales (id INTEGER PRIMARY KEY, region TEXT NOT NULL, amount INTEGER NOT NULL);
            INSERT INTO sales VALUES (1, 'north', 10), (2, 'south', 20), (3, 'north', 5);
            """)
    }

    static func writer(_ path: String) throws -> any Database {
        try SQLiteDatabase(path: path, access: .readWrite)
    }

    func runner(_ server: FakeLLMServer? = nil) -> DatachatRunner {
        var environment = ["OPENAI_API_KEY": "sk-test-secret-4242", "DATABASE_URL": shop]
        environment["OPENAI_BASE_URL"] = server?.baseURL ?? "http://127.0.0.1:9/v1"
        return DatachatRunner(home: home.path, environment: environment)
    }

    /// One session of three questions on the shop; returns its id.
    func saveSession(_ runner: DatachatRunner) throws -> String {
        for (index, question) in ["how many sales?", "total by region?", "list the sales"].enumerated() {
            let result = try runner.run(["-q", question] + (index == 0 ? [] : ["-c"]))
            #expect(result.status == 0, "\(result.stderr)")
        }
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath))
        let sessions = try store.sessions()
        #expect(sessions.count == 1, "-c continues the one session")
        return try #require(sessions.first?.id)
    }

    @Test func replayPrintsFreshResultsWithoutAskingTheModel() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let id = try saveSession(runner)
        let asked = try server.requests().count
        try Self.writer(shop).execute("INSERT INTO sales VALUES (4, 'east', 7)")

        let replay = try runner.run(["replay", String(id.prefix(8))])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("1> how many sales?\nSELECT count(*) AS n FROM sales\n n\n---\n 4\n"))
        #expect(replay.stdout.contains(" east   |     7"))
        #expect(replay.stderr.contains("replayed 3 turns: 3 ran, 0 failed"))
        #expect(try server.requests().count == asked, "replay never calls the model")

        let json = try runner.run(["replay", id, "--format", "json"])
        let turns = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(turns.count == 3)
        #expect((turns[0]["rows"] as? [[String: Any]])?.first?["n"] as? Int == 4)
    }

    @Test func checkPassesThenFailsNamingTheTurnAfterAnUpdate() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let id = try saveSession(runner)

        let unchanged = try runner.run(["replay", id, "--check"])
        #expect(unchanged.status == 0, "\(unchanged.stdout)\(unchanged.stderr)")
        #expect(unchanged.stdout == "1: same · how many sales?\n2: same · total by region?\n3: same · list the sales\n")

        try Self.writer(shop).execute("UPDATE sales SET amount = 25 WHERE id = 2")
        let changed = try runner.run(["replay", id, "--check"])
        #expect(changed.status == 8)
        let lines = changed.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "1: same · how many sales?")
        #expect(lines[1] == "2: changed: values changed · total by region?")
        #expect(lines.contains("  - south | 20"))
        #expect(lines.contains("  + south | 25"))
        #expect(changed.stderr.contains("check: 1 same, 2 changed, 0 failed"))

        try Self.writer(shop).execute("DELETE FROM sales WHERE id = 3")
        let fewer = try runner.run(["replay", id, "--check", "--format", "csv"])
        #expect(fewer.status == 8)
        #expect(fewer.stdout.contains("3,changed,rows 3 -> 2,,list the sales\n"))
    }

    /// The engine returns the rows of a query without ORDER BY in another order: no change.
    @Test func rowOrderAloneDoesNotFailTheCheck() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let id = try saveSession(runner)
        try Self.writer(shop).execute(
            """
            CREATE TABLE reversed AS SELECT * FROM sales ORDER BY id DESC;
            DROP TABLE sales;
            CREATE TABLE sales (id INTEGER, region TEXT NOT NULL, amount INTEGER NOT NULL);
            INSERT INTO sales SELECT * FROM reversed;
            DROP TABLE reversed;
            """)
        let check = try runner.run(["replay", id, "--check"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("3: same (the same rows in another order) · list the sales"))
        #expect(check.stderr.contains("warning: the schema changed since the session was saved"))
    }

    @Test func badInputIsOneLineAndAnExitCode() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let id = try saveSession(runner)

        let unknown = try runner.run(["replay", "nope"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "datachat: no session nope: `datachat sessions list` shows them\n")

        var elsewhere = runner
        elsewhere.environment["DATABASE_URL"] = nil
        let other = try elsewhere.run(["replay", id])
        #expect(other.status == 2)
        #expect(other.stderr.contains("was saved on sqlite:\(shop)"))
        #expect(other.stderr.contains("pass --database-url"))

        let words = try runner.run(["-q", "hello"])
        #expect(words.status == 6)
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath))
        let wordsSession = try #require(try store.sessions().first { $0.id != id })
        let nothing = try runner.run(["replay", wordsSession.id])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("has no SQL to replay"))

        try Self.writer(shop).execute("DROP TABLE sales")
        let failed = try runner.run(["replay", id])
        #expect(failed.status == 4)
        #expect(failed.stdout.contains("-- error: the database reported an error: "))
    }

    @Test func reaskReportsTheDifferenceAndSavesALinkedSession() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let id = try saveSession(runner)
        let other = try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [
                    ("(?i)how many", "```sql\nSELECT count(*) AS n FROM sales\n```"),
                    ("(?i)by region", "```sql\nSELECT region, max(amount) AS total FROM sales GROUP BY region\n```"),
                    ("(?i)list", "```sql\nSELECT amount, region FROM sales\n```"),
                ], default: ""))
        let reask = try runner.run(["replay", id, "--reask", "--base-url", other.baseURL, "--model", "model-b"])
        #expect(reask.status == 8, "\(reask.stderr)")
        #expect(reask.stdout.contains("1> how many sales?\nsame\n"))
        #expect(reask.stdout.contains("2> total by region?\ndifferent: values changed\n"))
        #expect(reask.stdout.contains("saved SQL"))
        #expect(reask.stdout.contains("| new SQL (model-b)"))
        #expect(reask.stdout.contains("max(amount)"))
        #expect(reask.stdout.contains("3> list the sales\ndifferent: columns region, amount -> amount, region\n"))
        #expect(reask.stderr.contains("1 same / 2 different / 0 failed · "))
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath))
        let linked = try #require(try store.sessions().first { $0.replayOf == id })
        #expect(linked.model == "model-b")
        #expect(try store.messages(sessionID: linked.id).count == 6)
    }

    @Test func exportAndShowInEveryFormat() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let id = try saveSession(runner)

        let markdown = try runner.run(["export", id])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("## 2. total by region?\n\nPer region:\n\n```sql\n"))
        #expect(markdown.stdout.contains("| region | total |\n| --- | ---: |\n| north | 15 |"))

        let file = home.file("session.html")
        let html = try runner.run(["export", id, "--format", "html", "--output", file])
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOfFile: file, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && !page.contains("<script"))

        let json = try runner.run(["export", id, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["messages"] as? [[String: Any]])?.count == 6)

        try Self.writer(shop).execute("INSERT INTO sales VALUES (4, 'east', 7)")
        let fresh = try runner.run(["export", id, "--rerun"])
        #expect(fresh.stdout.contains("| east | 7 |"))
        #expect(!markdown.stdout.contains("| east | 7 |"))

        let show = try runner.run(["sessions", "show", id])
        #expect(show.stdout.contains("2> total by region?\nPer region:\nSELECT region, sum(amount)"))
        #expect(show.stdout.contains("-- ok · 2 rows, from the saved preview · "))
        let showJSON = try runner.run(["sessions", "show", id, "--format", "json"])
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(showJSON.stdout.utf8)) as? [String: Any])
        #expect((shown["messages"] as? [[String: Any]])?.first?.keys.count == 23)

        let bad = try runner.run(["export", id, "--format", "pdf"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("The value 'pdf' is invalid for '--format <format>'"))
        #expect(bad.stderr.contains("'markdown', 'json' or 'html'"))
    }
    /// Ctrl-C during `export --rerun` stops the query running, writes nothing and exits 130 with a line, as
    /// `replay` does; before, export handled no signal (Ctrl-C killed it by the signal, and under a parent
    /// that blocks SIGINT, as the test runner does, it ran each query to its timeout).
    @Test func anInterruptedRerunExportsNothing() throws {
        let runaway = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT max(n) AS n FROM r"
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(rules: [("(?i)count up", "```sql\n\(runaway)\n```")], default: "?"))
        let runner = runner(server)
        let asked = try runner.run(["-q", "count up for ever", "--timeout", "1"])
        #expect(asked.status == 4, "the runaway query stops at its timeout: \(asked.stderr)")
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath))
        let id = try #require(try store.sessions().first?.id)

        let file = home.file("interrupted.md")
        let process = Process()
        process.executableURL = BuiltProducts.executable("datachat")
        process.arguments = ["export", id, "--rerun", "--output", file]
        process.environment = runner.environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGINT)
        #expect(process.endsWithin(10), "SIGINT did not stop the export within 10 s")
        #expect(process.terminationReason == .exit && process.terminationStatus == 130)
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(said.contains("interrupted: nothing exported"), "\(said)")
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}
