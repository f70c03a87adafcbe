import Databases
import Foundation
import History
import LLM
import Render
import TestSupport

@testable import Assistant

/// A real SQLite database of three sales and a history file beside it, in a temporary folder, and
/// assistants over them that talk to a FakeLLM.
final class AssistantFixture {
    let folder = TemporaryDirectory("assistant-tests")

    func makeDatabase() throws -> String {
        let path = folder.file("shop.db")
        let writer = try SQLiteDatabase(path: path, access: .readWrite)
        try writer.execute(
            """
            CREATE TABLE IF NOT EXISTS sales (id INTEGER PRIMARY KEY, region TEXT NOT NULL, amount REAL NOT NULL);
            DELETE FROM sales;
            INSERT INTO sales VALUES (1, 'north', 10.5), (2, 'south', 20), (3, 'north', 4.5);
            """)
        return path
    }

    /// An assistant on the fixture's database (or `databasePath`); every assistant of one fixture shares
    /// the history file, so a second one can resume the first one's session.
    func makeAssistant(
        baseURL: String, databasePath: String? = nil, maxRepairs: Int = 1, execute: Bool = true
    ) throws -> Assistant {
        let path = try databasePath ?? makeDatabase()
        let location = DatabaseLocation(sqlitePath: path)
        let history = try HistoryStore.open(DatabaseLocation(sqlitePath: folder.file("history.sqlite")))
        return Assistant(
            location: location, connect: { try DatabaseConnector.open(location, access: .readOnly) },
            client: ChatClient(
                configuration: LLMConfiguration(baseURL: baseURL, apiKey: "sk-test-123", model: "fake-model")),
            history: history, prompts: try PromptSet.load(from: Repository.prompts),
            tableNotes: "sales: one row per sale",
            configuration: AssistantConfiguration(
                maxRepairs: maxRepairs, execute: execute, clientVersion: "test", userName: "tester"))
    }

    /// The bodies of the chat requests FakeLLM received, oldest first.
    static func chatBodies(_ server: FakeLLMServer) throws -> [[String: Any]] {
        try server.requests().filter { ($0["path"] as? String)?.hasSuffix("/chat/completions") == true }
            .compactMap { $0["body"] as? [String: Any] }
    }

    /// The text of each message of a request body.
    static func contents(_ body: [String: Any]) -> [String] {
        (body["messages"] as? [[String: Any]] ?? []).compactMap { $0["content"] as? String }
    }
}

/// Records what a turn told its observer, and answers the confirmation prompt as a test tells it to.
final class TurnRecorder: TurnObserver {
    var rows: [[DatabaseValue]] = []
    var sql: [String] = []
    var approvals: [String] = []
    var repairs = 0
    var fixes: [String] = []
    var text = ""
    var modelCalls = 0
    var answers: [String] = []
    var results: [(rowCount: Int, truncated: Bool)] = []
    /// The answer at the confirmation prompt; nil leaves the protocol's default (run as shown).
    var approval: ((String) -> SQLApproval)?
    /// How long each row waits, as a pager the person reads would make it, told as `waitedOnReader`.
    var readerWaitPerRow = Duration.zero
    private(set) var waitedOnReader = Duration.zero

    func modelCalled(attempt: Int) { modelCalls += 1 }
    func modelText(_ delta: String, attempt: Int) { text += delta }
    func modelAnswered(_ reply: String, attempt: Int) { answers.append(reply) }
    func sqlReady(_ sql: String, attempt: Int) { self.sql.append(sql) }
    func resultRow(_ row: [DatabaseValue], text: borrowing RowText) {
        rows.append(row)
        if readerWaitPerRow > .zero {
            Thread.sleep(forTimeInterval: Double(readerWaitPerRow.components.attoseconds) / 1e18)
            waitedOnReader += readerWaitPerRow
        }
    }
    func resultFinished(rowCount: Int, truncated: Bool) { results.append((rowCount, truncated)) }
    func repairing(after failure: TurnFailure, attempt: Int) { repairs += 1 }
    func fixedReferences(_ description: String, sql: String, attempt: Int) { fixes.append(description) }
    func approve(_ sql: String, attempt: Int) -> SQLApproval {
        approvals.append(sql)
        return approval?(sql) ?? .run(sql)
    }
}
