import Databases
import Foundation
import History
import TestSupport
import Testing

/// `datachat -q` as scripts use it: the built binary, FakeLLM over loopback, real SQLite files.
@Suite struct OneShotTests {
    let home = TemporaryDirectory("oneshot")

    static let revenueSQL = """
        SELECT c.name AS category, round(sum(oi.quantity * oi.unit_price), 2) AS revenue
        FROM orders o JOIN order_items oi ON oi.order_id = o.order_id
        JOIN products p ON p.product_id = oi.product_id JOIN categories c ON c.category_id = p.category_id
        WHERE o.status IN ('processing', 'invoiced', 'shipped', 'delivered')
          AND o.ordered_at >= '2024-01-01' AND o.ordered_at < '2025-01-01'
        GROUP BY c.category_id, c.name ORDER BY revenue DESC LIMIT 5
        """

    static let script = FakeLLMServer.script(
        rules: [
            ("(?i)categor", "Here is the query.\n```sql\n\(revenueSQL)\n```\nRevenue excludes freight."),
            ("(?i)drop", "```sql\nDROP TABLE orders;\n```"),
            ("(?i)two statements", "```sql\nSELECT 1; SELECT 2\n```"),
            ("(?i)hello", "Hello! Ask me about the shop's data."),
            ("(?i)forecast", "```\nNo table holds a forecast.\n```"),
            ("(?i)typo|query failed|same query", "```sql\nSELECT no_such_column FROM orders\n```"),
            (
                "(?i)alias mixup",
                "```sql\nSELECT c.status, count(*) AS n FROM orders o JOIN customers c ON c.customer_id = o.customer_id GROUP BY c.status ORDER BY n DESC LIMIT 1\n```"
            ),
        ],
        default: "```sql\nSELECT count(*) AS orders FROM orders\n```")

    func runner(_ server: FakeLLMServer?, _ extra: [String: String] = [:]) -> DatachatRunner {
        var environment = ["OPENAI_API_KEY": "sk-test-secret-4242"]
        if let server { environment["OPENAI_BASE_URL"] = server.baseURL }
        return DatachatRunner(home: home.path, environment: environment.merging(extra) { _, new in new })
    }

    func savedMessages(_ runner: DatachatRunner) throws -> [MessageRecord] {
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath))
        let sessions = try store.sessions()
        return try sessions.flatMap { try store.messages(sessionID: $0.id) }
    }

    @Test func answersOnTheSampleAndSavesTheSession() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let result = try runner.run(["-q", "Which 5 product categories earned the most revenue in 2024?"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("category") == true)
        #expect(lines[2].hasPrefix(" Perfume "))
        #expect(lines[2].hasSuffix("564907.5"))
        #expect(lines.last == "(5 rows)")
        // The model's words go to standard error when it is a file too (`2>log`), without the SQL block.
        #expect(result.stderr == "Here is the query.\nRevenue excludes freight.\n", "\(result.stderr)")
        #expect(!result.stdout.contains("Revenue excludes"))

        let messages = try savedMessages(runner)
        #expect(messages.map(\.role) == [.user, .assistant])
        #expect(messages[0].content == "Which 5 product categories earned the most revenue in 2024?")
        #expect(messages[1].status == .ok)
        #expect(messages[1].rowCount == 5)
        #expect(messages[1].sql == Self.revenueSQL)
        #expect((messages[1].totalMilliseconds ?? 0) > 0)
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath))
        let session = try #require(store.sessions().first)
        #expect(session.dialect == "sqlite")
        #expect(session.model == "gpt-4o-mini")
        #expect(session.endpointHost.hasPrefix("127.0.0.1:"))
    }

    @Test func csvAndJSONAreMachineReadable() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let csv = try runner.run(["-q", "top categories", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("category,revenue\nPerfume,564907.5\n"))
        let json = try runner.run(["-q", "how many orders?", "--format", "json"])
        #expect(json.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["orders"] as? Int == 60745)
    }

    @Test func sqlOnlyPrintsTheSQLAndRunsNothing() throws {
        let server = try FakeLLMServer(script: Self.script)
        let result = try runner(server).run(["-q", "top categories", "--sql-only"])
        #expect(result.status == 0)
        #expect(result.stdout == Self.revenueSQL + "\n")
    }

    @Test func questionFromStandardInput() throws {
        let server = try FakeLLMServer(script: Self.script)
        let result = try runner(server).run(["-q", "-", "--format", "csv"], stdin: "how many orders?\n")
        #expect(result.status == 0)
        #expect(result.stdout == "orders\n60745\n")
    }

    @Test func missingKeyForOpenAIIsAConfigurationError() throws {
        var runner = DatachatRunner(home: home.path)
        runner.environment["OPENAI_API_KEY"] = nil
        let result = try runner.run(["-q", "how many orders?"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("OPENAI_API_KEY is not set"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try savedMessages(runner).map(\.status) == [.error, .error])
    }

    @Test func unreachableEndpointExitsFive() throws {
        let runner = runner(nil, ["OPENAI_BASE_URL": "http://127.0.0.1:1/v1", "DATACHAT_LLM_RETRY_DELAY": "0.01"])
        let result = try runner.run(["-q", "how many orders?"])
        #expect(result.status == 5)
        #expect(result.stderr.contains("cannot connect to the endpoint"))
        // A refused connection is retried (3 attempts), and said in one line at the end.
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasSuffix("(after 3 attempts)") == true, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try savedMessages(runner).map(\.status) == [.error, .error])
    }

    @Test func answerWithoutSQLExitsSixWithTheWordsAndNoErrorLine() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let result = try runner.run(["-q", "hello there"])
        #expect(result.status == 6)
        #expect(result.stderr == "Hello! Ask me about the shop's data.\n")
        #expect(result.stdout.isEmpty)
        let saved = try savedMessages(runner)
        #expect(saved.map(\.status) == [.noSQL, .noSQL])
        #expect(saved[1].content == "Hello! Ask me about the shop's data.")
        #expect(saved[1].error == nil)

        let fenced = try runner.run(["-q", "the forecast?"])
        #expect(fenced.status == 6)
        #expect(fenced.stderr == "No table holds a forecast.\n", "words in a block are words")
    }

    @Test func aSessionContinuedOnAnotherDatabaseIsWarnedAbout() throws {
        let server = try FakeLLMServer(script: Self.script)
        // Two small files rather than the sample, which every test's home would build again.
        let (first, other) = (home.file("first.db"), home.file("other.db"))
        for path in [first, other] {
            try DatabaseConnector.open(DatabaseLocation(sqlitePath: path), access: .readWrite).execute(
                "CREATE TABLE orders (order_id INTEGER PRIMARY KEY)")
        }
        let runner = runner(server, ["DATABASE_URL": first])
        #expect(try runner.run(["-q", "how many orders?"]).status == 0)
        let id = try #require(try savedMessages(runner).first?.sessionID)
        let result = try runner.run(["-q", "how many orders?", "--session", id, "--database-url", other])
        #expect(result.status == 0, "\(result.stderr)")
        let warning = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(warning.hasPrefix("datachat: warning: session \(id.prefix(8)) was saved on sqlite:"), "\(warning)")
        #expect(warning.contains("it continues on sqlite:\(other)"), "\(warning)")
        let same = try runner.run(["-q", "how many orders?", "--session", id])
        #expect(!same.stderr.contains("warning"), "\(same.stderr)")
    }

    @Test func aWrongAliasIsFixedWithoutAskingAndTheUserIsTold() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let result = try runner.run(["-q", "alias mixup: the most common status", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("datachat: fixed: c.status -> o.status"))
        #expect(result.stdout.hasPrefix("status,n\ndelivered,"))
        #expect(try server.requests().count == 1)
        let saved = try savedMessages(runner).filter { $0.role == .assistant }
        #expect(saved.map(\.status) == [.error, .ok])
        #expect(saved[0].error == "no such column: c.status (customers has no status; did you mean orders.status?)")
        #expect(saved[1].content == "fixed: c.status -> o.status")
    }

    @Test func writesAndStackedStatementsAreRejected() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server, ["DATACHAT_MAX_REPAIRS": "0"])
        let drop = try runner.run(["-q", "drop the orders table"])
        #expect(drop.status == 3)
        #expect(drop.stderr.contains("DROP is not allowed"))
        let stacked = try runner.run(["-q", "two statements please"])
        #expect(stacked.status == 3)
        #expect(stacked.stderr.contains("one statement"))
        #expect(try savedMessages(runner).filter { $0.role == .assistant }.map(\.status) == [.rejected, .rejected])
        let count = try runner.run(["-q", "how many orders?", "--format", "csv"])
        #expect(count.stdout == "orders\n60745\n", "the sample is untouched")
    }

    @Test func unknownNamesExitFourAfterThreeRepairs() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let result = try runner.run(["-q", "typo query"])
        #expect(result.status == 4)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(result.stderr)")
        #expect(lines[0].hasPrefix("datachat: no such column: no_such_column"))
        #expect(lines[0].hasSuffix("; asking the model to correct it"))
        #expect(lines[1].hasPrefix("datachat: the model sent the same query again (not run): no such column"))
        #expect(lines[2].hasPrefix("datachat: the model sent the same query again (not run): no such column"))
        #expect(lines[3].hasPrefix("datachat: the model sent the same query again (not run)"))
        #expect(try server.requests().count == 4, "a repair and two fresh draws were asked for")
        #expect(try savedMessages(runner).map(\.status) == [.error, .error, .error, .error, .error])
    }

    @Test func databaseErrorsExitFour() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(rules: [], default: "```sql\nSELECT nope(1) FROM orders\n```"))
        let result = try runner(server, ["DATACHAT_MAX_REPAIRS": "0"]).run(["-q", "anything"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("no such function: nope"))
    }

    @Test func missingDatabaseFileExitsFour() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let missing = home.file("nope/missing.db")
        let result = try runner.run(["-q", "how many orders?", "--database-url", "sqlite://" + missing])
        #expect(result.status == 4)
        #expect(result.stderr.contains("no SQLite database at \(missing)"))
        #expect(!FileManager.default.fileExists(atPath: missing), "a read-only open must not create the file")
        #expect(try savedMessages(runner).map(\.status) == [.error, .error])
    }

    @Test func badFlagsExitTwoWithOneLine() throws {
        let runner = runner(nil)
        for arguments in [["-q", "x", "--format", "yaml"], ["-q", "x", "--max-rows", "0"], ["--no-such-flag"]] {
            let result = try runner.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(!result.stderr.isEmpty)
        }
        let unknownScheme = try runner.run(["-q", "x", "--database-url", "mysql://u:hunter2@h/db"])
        #expect(unknownScheme.status == 2)
        #expect(!unknownScheme.stderr.contains("hunter2"))
    }

    @Test func theKeyNeverLeaks() throws {
        let server = try FakeLLMServer(script: Self.script, requireKey: "sk-the-right-key")
        let runner = runner(server)
        let result = try runner.run(["-q", "how many orders?"])
        #expect(result.status == 5)
        #expect(result.stderr.contains("check OPENAI_API_KEY"))
        #expect(!result.stderr.contains("sk-test-secret-4242"))
        #expect(!result.stdout.contains("sk-test-secret-4242"))
        for file in [runner.historyPath, runner.historyPath + "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            #expect(bytes.range(of: Data("sk-test-secret-4242".utf8)) == nil, "\(file)")
        }
        #expect(try savedMessages(runner).map(\.status) == [.error, .error])
    }

    @Test func dotEnvIsReadAndTheEnvironmentWins() throws {
        let server = try FakeLLMServer(script: Self.script)
        var runner = DatachatRunner(home: home.path)
        try home.write(
            ".env",
            "# local settings\nexport OPENAI_BASE_URL=\(server.baseURL)\nOPENAI_API_KEY='sk-from-dotenv'\nDATACHAT_FORMAT=csv\n"
        )
        runner.environment["DATACHAT_FORMAT"] = "json"
        let result = try runner.run(["-q", "how many orders?"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("["), "the environment's json beats .env's csv")
        let headers = try server.requests().last?["headers"] as? [String: String]
        #expect(headers?["authorization"] == "Bearer sk-from-dotenv")
    }
}
