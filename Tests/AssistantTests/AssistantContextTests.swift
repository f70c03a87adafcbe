import Databases
import Foundation
import History
import LLM
import TestSupport
import Testing

@testable import Assistant

/// What reaches the endpoint, read from FakeLLM's request log: sharing levels, the stable prefix, the
/// statistics cache, the budget on a big schema.
@Suite struct AssistantContextTests {
    let fixture = AssistantFixture()

    func makeServer() throws -> FakeLLMServer {
        try FakeLLMServer(
            script: FakeLLMServer.script(
                rules: [
                    (
                        match: "(?i)by region",
                        reply: "```sql\nSELECT region, sum(amount) AS total FROM sales GROUP BY region\n```"
                    ),
                    (match: "(?i)north", reply: "```sql\nSELECT count(*) AS n FROM sales WHERE region = 'north'\n```"),
                ], default: "```sql\nSELECT count(*) AS n FROM sales\n```"))
    }

    func sentText(_ server: FakeLLMServer) throws -> String {
        try AssistantFixture.chatBodies(server).flatMap(AssistantFixture.contents).joined(separator: "\n")
    }

    @Test func shareNoneSendsNoValueNoRowAndNoNote() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        assistant.configuration.share = .none
        #expect(assistant.ask("Sales by region?").failure == nil)
        #expect(assistant.ask("And only north?").failure == nil)
        let sent = try sentText(server)
        #expect(sent.contains("CREATE TABLE sales ("))
        #expect(!sent.contains("'south'") && !sent.contains("south"), "no value of the data")
        #expect(!sent.contains("one row per sale"), "no note")
        #expect(!sent.contains("range:"), "no range")
        #expect(
            sent.contains("It returned 2 rows with the columns region, total."), "the shape of the result is no data")
    }

    @Test func shareValuesSendsTheDistinctValuesAndRowsSendsTheFirstRows() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        #expect(assistant.ask("Sales by region?").failure == nil)
        var sent = try sentText(server)
        #expect(sent.contains("region TEXT NOT NULL, -- values: 'north', 'south'"))
        #expect(sent.contains("amount REAL NOT NULL -- range: 4.5 .. 20.0"))
        #expect(sent.contains("one row per sale"))
        assistant.configuration.share = .rows
        #expect(assistant.ask("And only north?").failure == nil)
        sent = try sentText(server)
        #expect(sent.contains("```csv\nregion,total\nnorth,15.0\nsouth,20.0\n```"))
    }

    @Test func thePrefixIsByteIdenticalAcrossTheTurnsOfASession() throws {
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL)
        #expect(assistant.ask("Sales by region?").failure == nil)
        #expect(assistant.ask("And only north?").failure == nil)
        let bodies = try AssistantFixture.chatBodies(server).map(AssistantFixture.contents)
        try #require(bodies.count == 2)
        #expect(bodies[0][0] == bodies[1][0], "the system message")
        #expect(bodies[0][1] == bodies[1][1], "the first question, sent again as it was sent")
        #expect(bodies[1].count == 4)
        #expect(bodies[1][2].hasPrefix("```sql\nSELECT region, sum(amount)"))
    }

    @Test func statisticsAreCachedAndGatheredAgainWhenTheSchemaChanges() throws {
        let server = try makeServer()
        let path = try fixture.makeDatabase()
        let cache = fixture.folder.file("cache")
        func ask() throws -> String {
            let assistant = try fixture.makeAssistant(baseURL: server.baseURL, databasePath: path)
            assistant.configuration.cacheDirectory = cache
            return try assistant.systemPrompt()
        }
        #expect(try ask().contains("values: 'north', 'south'"))
        let writer = try SQLiteDatabase(path: path, access: .readWrite)
        try writer.execute("INSERT INTO sales VALUES (4, 'west', 1)")
        #expect(try ask().contains("values: 'north', 'south'"), "same schema: the cached values, not a new look")
        try writer.execute("ALTER TABLE sales ADD COLUMN channel TEXT")
        let rebuilt = try ask()
        #expect(rebuilt.contains("'west'"), "a new schema: gathered again")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache + "/statistics").count == 1)
    }

    @Test func theBudgetHoldsOnABigSchema() throws {
        let path = fixture.folder.file("big.db")
        let writer = try SQLiteDatabase(path: path, access: .readWrite)
        var ddl = "BEGIN;\n"
        for table in ContextBuilderTests.bigSchema.tables {
            let columns = table.columns.map { column in
                "\(column.name) \(column.typeName)\(column.isPrimaryKey ? " PRIMARY KEY" : "")"
                    + (table.foreignKeys.first { $0.columns == [column.name] }.map {
                        " REFERENCES \($0.referencedTable) (id)"
                    } ?? "")
            }
            ddl += "CREATE TABLE \(table.name) (\(columns.joined(separator: ", ")));\n"
            ddl += "INSERT INTO \(table.name) (id, code, status) VALUES (1, 'A1', 'open'), (2, 'B2', 'closed');\n"
        }
        try writer.execute(ddl + "COMMIT;")
        let server = try makeServer()
        let assistant = try fixture.makeAssistant(baseURL: server.baseURL, databasePath: path)
        _ = assistant.ask("Total amount of travel budgets by status")
        let body = try #require(try AssistantFixture.chatBodies(server).first)
        let messages = AssistantFixture.contents(body)
        let estimate = messages.reduce(0) { $0 + TokenEstimate.count($1) + 4 }
        #expect(estimate <= 6_000, "\(estimate)")
        #expect(messages[0].contains("CREATE TABLE travel_budgets ("))
        #expect(messages[0].contains("status TEXT, -- values: 'closed', 'open'"))
        #expect(messages[0].contains("Other tables in the database, not shown here: "))
    }
}
