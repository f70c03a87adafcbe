import Databases
import Foundation
import History
import TestSupport
import Testing

/// `datachat replay --check` with the data and the history both on PostgreSQL, through the built binary.
@Suite(.serialized, .enabled(if: TestPostgres.isAvailable))
final class PostgresReplayTests {
    let home = TemporaryDirectory("pg-replay")
    let baseURL: String
    let dataSchema = TestPostgres.uniqueSchemaName("replay_e2e_data")
    let historySchema = TestPostgres.uniqueSchemaName("replay_e2e_history")
    let admin: any Database

    init() throws {
        baseURL = try TestPostgres.requireURL()
        admin = try DatabaseConnector.open(DatabaseLocation(parsing: baseURL), access: .readWrite)
        try admin.execute("CREATE SCHEMA \(dataSchema); CREATE SCHEMA \(historySchema)")
        try admin.execute(
            """
            CREATE TABLE \(dataSchema).sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric NOT NULL);
            INSERT INTO \(dataSchema).sales VALUES (1, 'north', 10.50), (2, 'south', 20), (3, 'north', 4.50)
            """)
    }

    deinit {
        try? admin.execute("DROP SCHEMA IF EXISTS \(dataSchema) CASCADE")
        try? admin.execute("DROP SCHEMA IF EXISTS \(historySchema) CASCADE")
    }

    @Test func checkPassesThenNamesTheChangedTurn() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [
                    ("(?i)by region", "```sql\nSELECT region, sum(amount) AS total FROM sales GROUP BY region\n```"),
                    ("(?i)list", "```sql\nSELECT region, amount FROM sales\n```"),
                ], default: ""))
        let runner = DatachatRunner(
            home: home.path,
            environment: [
                "OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": server.baseURL,
                "DATABASE_URL": TestPostgres.url(baseURL, searchPath: dataSchema),
                "DATACHAT_HISTORY_URL": TestPostgres.url(baseURL, searchPath: historySchema),
            ])
        #expect(try runner.run(["-q", "total by region?"]).status == 0)
        #expect(try runner.run(["-q", "list the sales", "-c"]).status == 0)
        let store = try HistoryStore.open(
            DatabaseLocation(parsing: TestPostgres.url(baseURL, searchPath: historySchema)))
        let id = try #require(try store.sessions().first?.id)

        let same = try runner.run(["replay", id, "--check"])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout == "1: same · total by region?\n2: same · list the sales\n")

        try admin.execute("UPDATE \(dataSchema).sales SET amount = 30 WHERE id = 2")
        let changed = try runner.run(["replay", id, "--check"])
        #expect(changed.status == 8)
        #expect(changed.stdout.contains("1: changed: values changed · total by region?"))
        #expect(changed.stdout.contains("  - south | 20"))
        #expect(changed.stdout.contains("  + south | 30"))
    }
}
