import Databases
import Foundation
import History
import TestSupport
import Testing

/// The defects fault injection found (issue 14), through the built binary, FakeLLM over loopback, real
/// SQLite files and the test PostgreSQL. Each test failed before its fix.
@Suite(.serialized) final class FaultInjectionTests {
    let home = TemporaryDirectory("faults")
    let schemas = PostgresSchemas()

    static let script = FakeLLMServer.script(
        rules: [("(?i)customers", "```sql\nSELECT count(*) AS n FROM customers\n```")],
        default: "```sql\nSELECT count(*) AS orders FROM orders\n```")

    func runner(_ server: FakeLLMServer?, _ extra: [String: String] = [:]) -> DatachatRunner {
        var environment = ["OPENAI_API_KEY": "sk-test-secret-4242"]
        if let server { environment["OPENAI_BASE_URL"] = server.baseURL }
        return DatachatRunner(home: home.path, environment: environment.merging(extra) { _, new in new })
    }

    /// A new, empty schema on the test server, and the URL whose search path is it.
    func postgresSchema(_ label: String) throws -> (name: String, url: String) {
        try schemas.make(label)
    }

    /// The error lines of a run, warnings left out.
    func errorLines(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { $0.hasPrefix("datachat:") && !$0.hasPrefix("datachat: warning:") }
    }

    // MARK: 1

    @Test func refusesAHistoryThatIsTheAnalysedFile() throws {
        let analysed = home.file("t.db")
        try SQLiteDatabase(path: analysed, access: .readWrite).execute("CREATE TABLE customers (id INTEGER)")
        let result = try runner(nil, ["DATACHAT_HISTORY_URL": "sqlite://" + analysed]).run(
            ["--database-url", "sqlite://" + analysed, "-q", "how many customers"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(errorLines(result.stderr).count == 1)
        #expect(result.stderr.contains("is the analysed database's own file"))
        let tables = try SQLiteDatabase(path: analysed, access: .readOnly).fetchAll(
            "SELECT name FROM sqlite_schema WHERE type = 'table'")
        #expect(tables.rows == [[.text("customers")]])
    }

    @Test(.enabled(if: TestPostgres.isAvailable)) func refusesAHistoryInTheAnalysedPostgresSchema() throws {
        let (name, url) = try postgresSchema("same")
        let admin = try DatabaseConnector.open(DatabaseLocation(parsing: url), access: .readWrite)
        try admin.execute("CREATE TABLE \(name).customers (id INTEGER)")
        let result = try runner(nil, ["DATACHAT_HISTORY_URL": url]).run(
            ["--database-url", url, "-q", "how many customers"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(errorLines(result.stderr).count == 1)
        let tables = try admin.fetchAll(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1", parameters: [.text(name)])
        #expect(tables.rows == [[.integer(1)]], "only the user's own table")
    }

    // MARK: 2 and 4

    /// A history that takes questions but refuses answers, as a disk that fills during the model's answer.
    func historyRefusingAnswers(_ runner: DatachatRunner) throws {
        _ = try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath))
        try SQLiteDatabase(path: runner.historyPath, access: .readWrite).execute(
            """
            CREATE TRIGGER full_disk BEFORE INSERT ON chat_messages WHEN NEW.role = 'assistant'
            BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END
            """)
    }

    @Test func aFailedSaveOfTheAnswerIsSaidAndExitsSeven() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        try historyRefusingAnswers(runner)
        let result = try runner.run(["-q", "how many orders?", "--format", "csv"])
        #expect(result.status == 7, "\(result.stderr)")
        #expect(result.stdout == "orders\n60745\n", "the answer is still printed")
        #expect(
            errorLines(result.stderr) == [
                "datachat: the answer was not saved to the history store: database or disk is full"
            ])
    }

    @Test func theREPLSaysAFailedSaveAndGoesOn() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        try historyRefusingAnswers(runner)
        let result = try runner.run(["--format", "csv"], stdin: "how many orders?\nhow many customers?\n")
        #expect(result.stdout.contains("orders\n60745\n"))
        #expect(result.stdout.contains("n\n"), "the second question was answered too")
        #expect(errorLines(result.stderr).count == 2, "\(result.stderr)")
        #expect(result.status == 7)
    }

    @Test func theQuestionEndsWithItsTurnsStatus() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        #expect(try runner.run(["-q", "how many orders?"]).status == 0)
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath))
        let session = try #require(try store.sessions().first)
        #expect(try store.messages(sessionID: session.id).map(\.status) == [.ok, .ok])
    }

    // MARK: 5

    @Test(arguments: ["sqlite", "postgres"]) func aNulInAQuestionIsSavedAlikeInBothStores(engine: String) throws {
        if engine == "postgres", !TestPostgres.isAvailable { return }
        let server = try FakeLLMServer(script: Self.script)
        let history = engine == "sqlite" ? "sqlite://" + home.file("nul.sqlite") : try postgresSchema("nul").url
        let result = try runner(server, ["DATACHAT_HISTORY_URL": history]).run(["-q", "-"], stdin: "q \0 x")
        #expect(result.status == 0, "\(result.stderr)")
        let store = try HistoryStore.open(DatabaseLocation(parsing: history))
        let session = try #require(try store.sessions().first)
        #expect(try store.messages(sessionID: session.id).first?.content == "q \u{2400} x")
    }

    // MARK: 6 and 7

    @Test(arguments: [["--timeout", "9223372036854775807"], ["--timeout", "1073742"], ["--timeout", "0"]])
    func aTimeoutOutOfRangeIsRefusedAtStart(arguments: [String]) throws {
        let result = try runner(nil).run(arguments + ["-q", "how many orders?"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(
            result.stderr.hasPrefix(
                "Error: --timeout must be a number of seconds from 1 to 86400 (one day), not \(arguments[1])\n"))
        #expect(!FileManager.default.fileExists(atPath: runner(nil).historyPath), "nothing was started")
    }

    @Test func theTimeoutVariableIsCheckedToo() throws {
        let result = try runner(nil, ["DATACHAT_TIMEOUT": "9223372036854775807"]).run(["-q", "how many orders?"])
        #expect(result.status == 2)
        #expect(errorLines(result.stderr).count == 1)
    }

    @Test(.enabled(if: TestPostgres.isAvailable)) func theLongestTimeoutRunsOnPostgres() throws {
        let server = try FakeLLMServer(script: Self.script)
        let (name, url) = try postgresSchema("timeout")
        try DatabaseConnector.open(DatabaseLocation(parsing: url), access: .readWrite).execute(
            "CREATE TABLE \(name).orders (id INTEGER); INSERT INTO \(name).orders VALUES (1), (2)")
        let result = try runner(server).run([
            "--database-url", url, "--timeout", "86400", "-q", "how many orders?",
            "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "orders\n2\n")
    }
}
