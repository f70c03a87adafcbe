import Foundation
import TestSupport
import Testing

/// `datachat < questions.txt`: one question a line, answers in turn, nothing for a person.
@Suite struct REPLPipedInputTests {
    let home = TemporaryDirectory("repl-piped")

    @Test func answersEachLineInTurnWithoutPromptsOrSpinners() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [
                    ("(?i)how many orders", "```sql\nSELECT count(*) AS order_count FROM orders\n```"),
                    ("(?i)how many sellers", "```sql\nSELECT count(*) AS seller_count FROM sellers\n```"),
                ], default: "I don't know."))
        let runner = DatachatRunner(
            home: home.path, environment: ["OPENAI_BASE_URL": server.baseURL, "OPENAI_API_KEY": "sk-test"])
        let result = try runner.run(
            [], stdin: "how many orders?\n\n\\sql SELECT 'direct' AS source\nhow many sellers?\n")
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        let first = try #require(out.range(of: "order_count"))
        let second = try #require(out.range(of: "direct"))
        let third = try #require(out.range(of: "seller_count"))
        #expect(first.lowerBound < second.lowerBound && second.lowerBound < third.lowerBound)
        #expect(out.contains("60745") && out.contains("1500"))
        // One blank line between two answers, as psql leaves: none before the first or after the last.
        #expect(out.components(separatedBy: "(1 row)\n\n").count == 3, "\(out)")
        #expect(!out.hasPrefix("\n") && !out.hasSuffix("\n\n"), "\(out)")
        for noise in ["datachat>", "\\? for help", "⠋", "thinking"] {
            #expect(!out.contains(noise) && !result.stderr.contains(noise), "\(noise)")
        }
    }

    @Test func jsonlAnswersAreOneObjectALineWithNothingBetween() throws {
        let runner = DatachatRunner(home: home.path)
        let result = try runner.run(
            ["--format", "jsonl"], stdin: "\\sql SELECT 1 AS one\n\\sql DELETE FROM orders\n\\sql SELECT 2 AS two\n")
        #expect(result.stdout == "{\"one\":1}\n{\"two\":2}\n", "\(result.stdout)")
    }

    @Test func theExitCodeIsTheLastFailuresSoScriptsNotice() throws {
        let runner = DatachatRunner(home: home.path)
        let result = try runner.run([], stdin: "\\sql DELETE FROM orders\n\\sql SELECT 1 AS one\n")
        #expect(result.status == 3)
        #expect(result.stderr.contains("refused"))
        #expect(result.stdout.contains("one"))
    }

    @Test func aQuestionContinuesOnTheNextLineAfterABackslash() throws {
        let runner = DatachatRunner(home: home.path)
        let result = try runner.run([], stdin: "\\sql SELECT 1 AS one, \\\n  2 AS two\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("one | two") || result.stdout.contains("one"))
        #expect(result.stdout.contains("2"))
    }

    @Test func commentsInSQLNeitherOpenALineNorSwallowTheRest() throws {
        let runner = DatachatRunner(home: home.path)
        let result = try runner.run(
            [], stdin: "\\sql SELECT 1 AS one -- don't (\n\\sql SELECT 2 AS two /* it's */\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("one") && result.stdout.contains("two"), "\(result.stdout)")
    }

    @Test func explainPrintsTheExplanation() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [("(?s)```sql.*AS seven", "It returns the number seven.")], default: "```sql\nSELECT 1\n```"))
        let runner = DatachatRunner(
            home: home.path, environment: ["OPENAI_BASE_URL": server.baseURL, "OPENAI_API_KEY": "sk-test"])
        let result = try runner.run([], stdin: "\\sql SELECT 7 AS seven\n\\explain\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("It returns the number seven."), "\(result.stdout)")
    }
}
