import Databases
import Foundation
import History
import TestSupport
import Testing

/// The one-shot scenarios again, on PostgreSQL: the sample loaded with `datachat load-sample` into a
/// schema of this suite's own, the same questions answered the same as on SQLite, the history store
/// on PostgreSQL too. Under CI a missing server fails these tests; it never skips them.
@Suite(.serialized, .enabled(if: TestPostgres.isAvailable))
final class PostgresOneShotTests {
    let home = TemporaryDirectory("pg-oneshot")
    let baseURL: String
    let dataSchema = TestPostgres.uniqueSchemaName("e2e_data")
    let historySchema = TestPostgres.uniqueSchemaName("e2e_history")
    let admin: any Database

    init() throws {
        baseURL = try TestPostgres.requireURL()
        admin = try DatabaseConnector.open(DatabaseLocation(parsing: baseURL), access: .readWrite)
        try admin.execute("CREATE SCHEMA \(dataSchema)")
        try admin.execute("CREATE SCHEMA \(historySchema)")
    }

    deinit {
        try? admin.execute("DROP SCHEMA IF EXISTS \(dataSchema) CASCADE")
        try? admin.execute("DROP SCHEMA IF EXISTS \(historySchema) CASCADE")
    }

    var dataURL: String { TestPostgres.url(baseURL, searchPath: dataSchema) }
    var historyURL: String { TestPostgres.url(baseURL, searchPath: historySchema) }

    func runner(_ server: FakeLLMServer, _ extra: [String: String] = [:]) -> DatachatRunner {
        DatachatRunner(
            home: home.path,
            environment: ["OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": server.baseURL].merging(extra) { _, new in new
            })
    }

    /// CSV rows with numbers compared as numbers: PostgreSQL's exact numeric prints 564907.50 where
    /// SQLite's REAL prints 564907.5, and both are right.
    func normalized(_ csv: String) -> [[String]] {
        csv.split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { cell in
                Double(cell).map { String(format: "%.2f", $0) } ?? String(cell)
            }
        }
    }

    @Test func sameAnswersAsSQLiteAndHistoryOnPostgres() throws {
        let server = try FakeLLMServer(script: OneShotTests.script)
        let runner = runner(server, ["DATACHAT_HISTORY_URL": historyURL])
        let load = try runner.run(["load-sample", dataURL])
        #expect(load.status == 0, "\(load.stderr)")
        let again = try runner.run(["load-sample", dataURL])
        #expect(again.status == 2, "an existing sample is not overwritten without --replace")

        for question in ["top categories by revenue in 2024", "how many orders?"] {
            let postgres = try runner.run(["-q", question, "--format", "csv", "--database-url", dataURL])
            let sqlite = try runner.run(["-q", question, "--format", "csv"])
            #expect(postgres.status == 0, "\(postgres.stderr)")
            #expect(sqlite.status == 0, "\(sqlite.stderr)")
            #expect(normalized(postgres.stdout) == normalized(sqlite.stdout), "\(question)")
        }
        let json = try runner.run(["-q", "how many orders?", "--format", "json", "--database-url", dataURL])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["orders"] as? Int == 60745)

        let store = try HistoryStore.open(DatabaseLocation(parsing: historyURL))
        let sessions = try store.sessions()
        #expect(sessions.count == 5)
        #expect(Set(sessions.map(\.dialect)) == ["postgres", "sqlite"])
        let postgresSession = try #require(sessions.first { $0.dialect == "postgres" })
        #expect(!postgresSession.dataSource.contains("datachat-test-password"))
        #expect(try store.messages(sessionID: postgresSession.id).map(\.status) == [.ok, .ok])
    }

    /// The sample's notes on tables and columns travel with it as comments, its tables are analysed (row
    /// estimates), and the one line after the load says which file holds the rest.
    @Test func loadSampleWritesTheNotesAsCommentsAndAnalyses() throws {
        let server = try FakeLLMServer(script: OneShotTests.script)
        let runner = runner(server)
        let load = try runner.run(["load-sample", dataURL])
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stderr.contains("use --table-context "), "\(load.stderr)")
        #expect(load.stderr.contains("sample-data/table-notes.md"), "\(load.stderr)")
        let schema = try runner.run(["schema", "--database-url", dataURL])
        #expect(schema.status == 0, "\(schema.stderr)")
        #expect(schema.stdout.contains("-- One row per product category"), "\(schema.stdout)")
        #expect(schema.stdout.contains("-- about 63 rows"))
        #expect(schema.stdout.contains("email text, -- unique when present"), "\(schema.stdout)")
    }

    @Test func writesAreRefusedAndErrorsExitFour() throws {
        let server = try FakeLLMServer(script: OneShotTests.script)
        let runner = runner(server, ["DATACHAT_HISTORY_URL": historyURL, "DATACHAT_MAX_REPAIRS": "0"])
        #expect(try runner.run(["load-sample", dataURL]).status == 0)
        let drop = try runner.run(["-q", "drop the orders table", "--database-url", dataURL])
        #expect(drop.status == 3)
        let typo = try runner.run(["-q", "typo query", "--database-url", dataURL])
        #expect(typo.status == 4)
        #expect(typo.stderr.contains("no_such_column"))
        let count = try runner.run(["-q", "how many orders?", "--format", "csv", "--database-url", dataURL])
        #expect(count.stdout == "orders\n60745\n")
    }

    @Test func aWrongPasswordIsOneLineWithoutThePassword() throws {
        let server = try FakeLLMServer(script: OneShotTests.script)
        let runner = runner(server)
        let wrong = baseURL.replacingOccurrences(of: "datachat-test-password", with: "not-the-password-123")
        let result = try runner.run(["-q", "how many orders?", "--database-url", wrong])
        #expect(result.status == 4)
        // One error line, after the warning that a password on the command line is visible in `ps`.
        let lines = result.stderr.split(separator: "\n")
        #expect(
            lines.count == 2 && lines[0].hasPrefix("datachat: warning: --database-url carries a password"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("not-the-password-123"))
    }
}
