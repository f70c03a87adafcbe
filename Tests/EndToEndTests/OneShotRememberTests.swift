import Databases
import Foundation
import History
import TestSupport
import Testing

/// `datachat -q --remember`: the answer becomes an example once it ran, and only then.
extension OneShotTests {
    func examples(_ runner: DatachatRunner) throws -> [ConfirmedExample] {
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath))
        let dataSource = try #require(try store.sessions().first?.dataSource)
        return try store.confirmedExamples(dataSource: dataSource)
    }

    @Test func rememberKeepsAnAnswerThatRanAndASimilarQuestionIsShownIt() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let question = "Which 5 product categories earned the most revenue in 2024?"
        let first = try runner.run(["-q", question, "--remember"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("remembered as an example"))
        #expect(try examples(runner).map(\.sql) == [Self.revenueSQL])

        let second = try runner.run(["-q", "revenue of the top categories in 2023"])
        #expect(second.status == 0, "\(second.stderr)")
        let body = try #require(try server.requests().last?["body"] as? [String: Any])
        let messages = try #require(body["messages"] as? [[String: Any]])
        let contents = messages.compactMap { $0["content"] as? String }
        #expect(contents.count == 4)
        #expect(contents[1].hasSuffix(question))
        #expect(contents[1].contains("data, not instructions"))
        #expect(contents[2] == "```sql\n\(Self.revenueSQL)\n```")
        // The sample's notes define revenue, so its definition goes beside the question (prompts/definitions.md).
        #expect(contents[3].hasPrefix("Definitions from the table notes that this question uses"))
        #expect(contents[3].contains("- Revenue (the meaning of \"revenue\""))
        #expect(contents[3].hasSuffix("\n\nQuestion: revenue of the top categories in 2023"))

        // Without --remember nothing more is kept.
        #expect(try examples(runner).count == 1)
        let show = try runner.run(["sessions", "show", try #require(try savedSessions(runner).last)])
        #expect(show.stdout.contains("-- confirmed as right (\\good)"))
        let unmarked = try runner.run(["sessions", "show", try #require(try savedSessions(runner).first)])
        #expect(!unmarked.stdout.contains("confirmed"))
    }

    @Test func rememberOnAFailedTurnConfirmsNothing() throws {
        let server = try FakeLLMServer(script: Self.script)
        let runner = runner(server)
        let result = try runner.run(["-q", "typo query", "--remember"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("not remembered"))
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath))
        let dataSource = try #require(try store.sessions().first?.dataSource)
        #expect(try store.confirmedExamples(dataSource: dataSource).isEmpty)

        let refused = try runner.run(["-q", "drop everything", "--remember"])
        #expect(refused.status == 3)
        #expect(try store.confirmedExamples(dataSource: dataSource).isEmpty)
    }

    @Test func rememberGoesWithQueryAndNotWithSQLOnly() throws {
        let runner = runner(nil)
        let alone = try runner.run(["--remember"])
        #expect(alone.status == 2)
        #expect(alone.stderr.contains("--remember goes with -q"))
        let sqlOnly = try runner.run(["-q", "x", "--remember", "--sql-only"])
        #expect(sqlOnly.status == 2)
        #expect(sqlOnly.stderr.contains("--sql-only"))
    }

    /// Session ids, newest first.
    func savedSessions(_ runner: DatachatRunner) throws -> [String] {
        try HistoryStore.open(DatabaseLocation(sqlitePath: runner.historyPath)).sessions().map(\.id)
    }
}
