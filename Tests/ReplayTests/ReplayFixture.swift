import Assistant
import Databases
import Foundation
import History
import LLM
import Replay
import TestSupport

/// A shop database and a history store on one engine (a SQLite file each, or a schema each on the test
/// PostgreSQL), with an assistant that saves sessions into the store.
///
/// Sessions are written by the assistant's own `\sql` turns, so the saved hashes and previews are exactly
/// what a real turn writes; `--reask` tests talk to FakeLLM.
final class ReplayFixture {
    enum Engine: String, CaseIterable, CustomStringConvertible {
        case sqlite
        case postgres
        var description: String { rawValue }
        static var available: [Engine] { TestPostgres.isAvailable ? allCases : [.sqlite] }
    }

    let engine: Engine
    let folder = TemporaryDirectory("replay-tests")
    let location: DatabaseLocation
    let historyLocation: DatabaseLocation
    let writer: any Database
    private var schemas: [String] = []

    init(_ engine: Engine = .sqlite) throws {
        self.engine = engine
        switch engine {
        case .sqlite:
            location = DatabaseLocation(sqlitePath: folder.file("shop.db"))
            historyLocation = DatabaseLocation(sqlitePath: folder.file("history.sqlite"))
        case .postgres:
            let url = try TestPostgres.requireURL()
            let admin = try DatabaseConnector.open(DatabaseLocation(parsing: url), access: .readWrite)
            let data = TestPostgres.uniqueSchemaName("replay_data")
            let store = TestPostgres.uniqueSchemaName("replay_history")
            try admin.execute("CREATE SCHEMA \(data); CREATE SCHEMA \(store)")
            schemas = [data, store]
            location = try DatabaseLocation(parsing: TestPostgres.url(url, searchPath: data))
            historyLocation = try DatabaseLocation(parsing: TestPostgres.url(url, searchPath: store))
        }
        writer = try DatabaseConnector.open(location, access: .readWrite)
        try writer.execute(
            """
            CREATE TABLE sales (id INTEGER PRIMARY KEY, region TEXT NOT NULL, amount INTEGER NOT NULL);
            INSERT INTO sales VALUES (1, 'north', 10), (2, 'south', 20), (3, 'north', 5);
            CREATE TABLE tags (name TEXT NOT NULL);
            INSERT INTO tags VALUES ('a'), ('b'), ('c')
            """)
    }

    deinit {
        guard !schemas.isEmpty, let url = TestPostgres.url,
            let admin = try? DatabaseConnector.open(DatabaseLocation(parsing: url), access: .readWrite)
        else { return }
        for schema in schemas { try? admin.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
    }

    func history() throws -> HistoryStore {
        try HistoryStore.open(historyLocation)
    }

    /// An assistant on the shop, saving into the store; its model is FakeLLM at `baseURL` when given.
    func assistant(baseURL: String = "http://127.0.0.1:9/v1", previewRows: Int = 20) throws -> Assistant {
        var configuration = AssistantConfiguration(maxRepairs: 0, clientVersion: "test", userName: "tester")
        configuration.previewRows = previewRows
        let location = location
        return Assistant(
            location: location, connect: { try DatabaseConnector.open(location, access: .readOnly) },
            client: ChatClient(
                configuration: LLMConfiguration(baseURL: baseURL, apiKey: "sk-test-123", model: "fake-model")),
            history: try history(), prompts: try PromptSet.load(from: Repository.prompts),
            tableNotes: nil, configuration: configuration)
    }

    /// A session of `\sql` turns, one a query; returns its id.
    func saveSession(_ queries: [String], previewRows: Int = 20) throws -> String {
        let assistant = try assistant(previewRows: previewRows)
        for query in queries {
            let outcome = assistant.run(sql: query)
            precondition(outcome.failure == nil, "\(query): \(outcome.failure!.message)")
        }
        return try require(assistant.sessionID, "session id")
    }

    /// A replayer on a read-only connection, as `datachat replay` makes one.
    func replayer(maxRows: Int = 1_000) throws -> SessionReplayer {
        SessionReplayer(
            database: try DatabaseConnector.open(location, access: .readOnly),
            configuration: AssistantConfiguration(maxRows: maxRows, clientVersion: "test", userName: "tester"))
    }
}

struct RequireFailure: Error, CustomStringConvertible {
    var description: String
}

/// `#require` for plain functions outside a test body.
func require<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw RequireFailure(description: "\(what) is nil") }
    return value
}
