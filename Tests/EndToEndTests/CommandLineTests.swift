import Databases
import Foundation
import History
import TestSupport
import Testing

/// The command line's shape, through the built binary: `ask` as the default command, settings reported
/// by the name they came from, `sql check` in the database's dialect, and session ids that are ambiguous.
@Suite struct CommandLineTests {
    let home = TemporaryDirectory("command-line")

    func runner(_ server: FakeLLMServer? = nil, _ extra: [String: String] = [:]) -> DatachatRunner {
        var environment = ["OPENAI_API_KEY": "sk-test-secret-4242", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"]
        if let server { environment["OPENAI_BASE_URL"] = server.baseURL }
        return DatachatRunner(home: home.path, environment: environment.merging(extra) { _, new in new })
    }

    @Test func aQuestionAsTheArgumentIsAnswered() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [("(?i)never asked", "-")], default: "```sql\nSELECT count(*) AS orders FROM orders\n```"))
        let runner = runner(server)
        let bare = try runner.run(["how many orders?", "--format", "csv"])
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(bare.stdout == "orders\n60745\n")
        let flagged = try runner.run(["-q", "how many orders?", "--format", "csv"])
        #expect(flagged.stdout == bare.stdout)
        let named = try runner.run(["ask", "how many orders?", "--format", "csv"])
        #expect(named.stdout == bare.stdout)
    }

    @Test func aQuestionGivenTwiceIsAUsageError() throws {
        let result = try runner().run(["how many orders?", "-q", "how many customers?"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("give the question once"))
    }

    @Test func aBadSettingIsReportedByItsOwnName() throws {
        let variable = try runner(nil, ["DATACHAT_TIMEOUT": "-1"]).run(["-q", "x"])
        #expect(variable.status == 2)
        #expect(
            variable.stderr
                == "datachat: DATACHAT_TIMEOUT must be a number of seconds from 1 to 86400 (one day), not \"-1\"\n")

        let flag = try runner().run(["-q", "x", "--timeout", "0"])
        #expect(flag.status == 2)
        #expect(flag.stderr.contains("--timeout must be a number of seconds from 1 to 86400 (one day), not 0"))
        #expect(!flag.stderr.contains("DATACHAT_TIMEOUT"))

        _ = try home.write(".env", "DATACHAT_MAX_ROWS=lots\n")
        let dotEnv = try runner().run(["-q", "x"])
        #expect(dotEnv.status == 2)
        #expect(dotEnv.stderr == "datachat: DATACHAT_MAX_ROWS in .env must be a whole number above 0, not \"lots\"\n")
    }

    @Test func aFlagWinsBeforeTheVariableIsRead() throws {
        let runner = runner(nil, ["DATACHAT_FORMAT": "bogus"])
        let flagged = try runner.run(["sessions", "list", "--format", "csv"])
        #expect(flagged.status == 0, "\(flagged.stderr)")
        #expect(flagged.stdout == "id,updated,title,model,database\n")
        let unflagged = try runner.run(["sessions", "list"])
        #expect(unflagged.status == 2)
        #expect(unflagged.stderr.contains("DATACHAT_FORMAT must be one of table, expanded"))
    }

    @Test func sqlCheckFollowsTheDatabasesDialect() throws {
        let postgres = runner(nil, ["DATABASE_URL": "postgresql://analyst@127.0.0.1:9/shop"])
        let refused = try postgres.run(["sql", "check"], stdin: "select pg_sleep(1)")
        #expect(refused.status == 3)
        #expect(refused.stdout.contains("pg_sleep() is not allowed"))
        let sqlite = try postgres.run(["sql", "check", "--dialect", "sqlite"], stdin: "select pg_sleep(1)")
        #expect(sqlite.status == 0, "--dialect wins over the database's")
        let flag = try runner().run(
            ["sql", "check", "--database-url", "postgres://analyst@127.0.0.1:9/shop"], stdin: "select pg_sleep(1)")
        #expect(flag.status == 3)
        let sample = try runner().run(["sql", "check"], stdin: "select pg_sleep(1)")
        #expect(sample.status == 0, "the bundled sample is SQLite")
    }

    @Test func anAmbiguousSessionIdListsTheSessionsItStarts() throws {
        let runner = runner()
        try FileManager.default.createDirectory(atPath: home.path + "/data/datachat", withIntermediateDirectories: true)
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath))
        for (id, title) in [
            ("abcd1111-0000-0000-0000-000000000000", "first"), ("abcd2222-0000-0000-0000-000000000000", "second"),
        ] {
            let now = Timestamp.now()
            try store.createSession(
                SessionRecord(
                    id: id, title: title, createdAt: now, updatedAt: now, dataSource: "sqlite:/tmp/shop.db",
                    dialect: "sqlite", model: "m", endpointHost: "127.0.0.1:1", userName: "ana", clientVersion: "0.1.0",
                    schemaFingerprint: "f"))
        }
        for arguments in [
            ["sessions", "show", "abcd"], ["sessions", "delete", "abcd"], ["-q", "x", "--session", "abcd"],
        ] {
            let result = try runner.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(
                result.stderr.contains("session id abcd is ambiguous: it starts abcd"), "\(arguments): \(result.stderr)"
            )
            #expect(result.stderr.contains("abcd1111-000 (first)") && result.stderr.contains("abcd2222-000 (second)"))
        }
        let none = try runner.run(["sessions", "show", "ffff"])
        #expect(none.status == 2)
        #expect(none.stderr == "datachat: no session ffff: `datachat sessions list` shows them\n")
        #expect(try runner.run(["sessions", "show", "abcd1"]).status == 0)
    }
}
