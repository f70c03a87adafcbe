import Foundation
import TestSupport
import Testing

/// `datachat prompt`: the messages a question would be sent with, printed, and no request made.
@Suite struct PromptCommandTests {
    let home = TemporaryDirectory("prompt-command")

    @Test func printsWhatTheEndpointWouldReceiveAndSendsNothing() throws {
        let server = try FakeLLMServer(
            script: FakeLLMServer.script(rules: [], default: "```sql\nSELECT count(*) AS orders FROM orders\n```"))
        let runner = DatachatRunner(
            home: home.path, environment: ["OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": server.baseURL])
        let question = "How many orders were delivered late in 2024?"
        let printed = try runner.run(["prompt", "--json", question])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(try server.requests().isEmpty, "the prompt command makes no request")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any])
        let messages = try #require(object["messages"] as? [[String: String]])
        #expect((object["estimated_tokens"] as? Int ?? 0) > 1_000)

        let asked = try runner.run(["-q", question])
        #expect(asked.status == 0, "\(asked.stderr)")
        let bodies = try server.requests().compactMap { $0["body"] as? [String: Any] }
        let sent = try #require(bodies.first?["messages"] as? [[String: Any]])
        #expect(sent.map { $0["role"] as? String } == messages.map { $0["role"] })
        #expect(sent.map { $0["content"] as? String } == messages.map { $0["content"] }, "the same bytes")
        #expect(messages.first?["content"]?.contains("-- values: 'delivered'") == true)

        let text = try runner.run(["prompt", "--share", "none", question])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("--- system ("))
        #expect(text.stdout.contains("\n--- user ("))
        #expect(!text.stdout.contains("'delivered'"), "no value under --share none")
        #expect(!text.stdout.contains("Late delivery"), "no note under --share none")
        #expect(try server.requests().count == 1)
    }

    @Test func refusesAnUnknownSharingLevel() throws {
        let runner = DatachatRunner(home: home.path)
        let result = try runner.run(["prompt", "--share", "everything", "x"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'everything' is invalid for '--share <level>'"))
        #expect(result.stderr.contains("'none', 'schema', 'values' or 'rows'"))
        let variable = try DatachatRunner(home: home.path, environment: ["DATACHAT_SHARE": "everything"])
            .run(["prompt", "x"])
        #expect(variable.status == 2)
        #expect(
            variable.stderr.contains("DATACHAT_SHARE must be one of none, schema, values, rows, not \"everything\""))
    }
}
