import Databases
import Foundation
import TestSupport
import Testing

@testable import History

/// Confirmed examples in the store, on both engines: migration 2, confirming, unconfirming and listing.
extension HistoryStoreTests {
    /// A session on `dataSource` with one answered question; returns the session and the answer.
    func answeredTurn(
        _ store: HistoryStore, dataSource: String = "sqlite:/tmp/shop.db", question: String = "how many orders?",
        sql: String? = "SELECT count(*) FROM orders", status: MessageStatus = .ok, rowCount: Int? = 1
    ) throws -> (session: SessionRecord, answer: MessageRecord) {
        var record = session(title: question)
        record.dataSource = dataSource
        try store.createSession(record)
        try store.append(MessageRecord(sessionID: record.id, role: .user, content: question, status: .pending))
        let answer = try store.append(
            MessageRecord(
                sessionID: record.id, role: .assistant, content: "", sql: sql, status: status, rowCount: rowCount))
        return (record, answer)
    }

    @Test(arguments: Engine.available) func confirmsOnlyAnswersThatRanAndListsThemPerDatabase(engine: Engine) throws {
        let store = try openStore(engine)
        let (session, answer) = try answeredTurn(store)
        let example = try #require(try store.confirm(messageID: answer.id))
        #expect(example.question == "how many orders?")
        #expect(example.sql == "SELECT count(*) FROM orders")
        #expect(example.sessionID == session.id)
        #expect(example.dataSource == "sqlite:/tmp/shop.db")
        #expect(example.confirmedAt.hasSuffix("Z"))
        #expect(try store.confirm(messageID: answer.id) == example, "confirming twice changes nothing")

        let failed = try answeredTurn(store, question: "broken", status: .error, rowCount: nil).answer
        let unrun = try answeredTurn(store, question: "sql only", rowCount: nil).answer
        let words = try answeredTurn(store, question: "hello", sql: nil, rowCount: nil).answer
        for message in [failed, unrun, words] { #expect(try store.confirm(messageID: message.id) == nil) }
        #expect(try store.confirm(messageID: "no-such-message") == nil)

        let other = try answeredTurn(store, dataSource: "postgresql://ana@db/other", question: "orders elsewhere")
        try #require(try store.confirm(messageID: other.answer.id) != nil)
        #expect(try store.confirmedExamples(dataSource: "sqlite:/tmp/shop.db") == [example])
        #expect(
            try store.confirmedExamples(dataSource: "postgresql://ana@db/other").map(\.question) == ["orders elsewhere"]
        )
        #expect(try store.confirmedMessageIDs(sessionID: session.id) == [answer.id])

        #expect(try store.unconfirm(messageID: answer.id))
        #expect(try store.unconfirm(messageID: answer.id) == false)
        #expect(try store.confirmedExamples(dataSource: "sqlite:/tmp/shop.db").isEmpty)

        // Deleting a session takes its confirmations with it.
        #expect(try store.deleteSession(id: other.session.id))
        #expect(try store.confirmedExamples(dataSource: "postgresql://ana@db/other").isEmpty)
    }

    /// The answer to the question is the last assistant message after it: a repaired turn's final attempt.
    @Test func theQuestionOfARepairedAnswerIsFound() throws {
        let store = try openStore()
        let record = session()
        try store.createSession(record)
        try store.append(MessageRecord(sessionID: record.id, role: .user, content: "first", status: .pending))
        try store.append(MessageRecord(sessionID: record.id, role: .assistant, content: "", status: .noSQL))
        try store.append(MessageRecord(sessionID: record.id, role: .user, content: "second", status: .pending))
        try store.append(
            MessageRecord(sessionID: record.id, role: .assistant, content: "", sql: "SELECT x", status: .error))
        let repaired = try store.append(
            MessageRecord(
                sessionID: record.id, role: .assistant, content: "", sql: "SELECT 2", status: .ok, rowCount: 1,
                attempt: 2))
        #expect(try store.confirm(messageID: repaired.id)?.question == "second")
    }

    /// A store made by the first release (schema version 1, with sessions in it) gains the examples table
    /// on open, and keeps its sessions.
    @Test(arguments: Engine.available) func upgradesAStoreOfTheFirstVersion(engine: Engine) throws {
        let location = try location(engine)
        if case .sqlite(let path) = location.engine {
            try FileManager.default.createDirectory(
                atPath: String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]), withIntermediateDirectories: true)
        }
        let old = try DatabaseConnector.open(location, access: .readWrite)
        try old.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for statement in HistoryStore.migrations(for: old.dialect)[0] { try old.execute(statement) }
        try old.execute("INSERT INTO schema_version (version) VALUES (1)")
        let record = session()
        try old.execute(
            """
            INSERT INTO chat_sessions (id, title, created_at, updated_at, data_source, dialect, model, endpoint_host,
                user_name, client_version, schema_fingerprint)
            VALUES ($1, 'old', $2, $2, 'sqlite:/tmp/shop.db', 'sqlite', 'm', 'h', 'ana', '0.1.0', 'f')
            """, parameters: [.text(record.id), .text(record.createdAt)])
        try old.execute(
            """
            INSERT INTO chat_messages (id, session_id, seq, role, content, status, created_at)
            VALUES ('q1', $1, 1, 'user', 'how many orders?', 'pending', $2)
            """, parameters: [.text(record.id), .text(record.createdAt)])
        try old.execute(
            """
            INSERT INTO chat_messages (id, session_id, seq, role, content, sql, status, row_count, created_at)
            VALUES ('a1', $1, 2, 'assistant', '', 'SELECT 1', 'ok', 1, $2)
            """, parameters: [.text(record.id), .text(record.createdAt)])
        #expect(throws: DatabaseError.self) { try old.fetchAll("SELECT count(*) FROM chat_examples") }

        let store = try HistoryStore.open(location)
        let versions = try store.database.fetchAll("SELECT version FROM schema_version ORDER BY version").rows
        #expect(versions == (1...6).map { [.integer($0)] })
        #expect(try store.messages(sessionID: record.id).map(\.content) == ["how many orders?", ""])
        // Version 3's columns are there, empty on the rows saved before it.
        #expect(try store.messages(sessionID: record.id).map(\.resultSetHash) == [nil, nil])
        #expect(try store.session(id: record.id)?.replayOf == nil)
        // Version 4 indexed the rows already there.
        #expect(try store.search("orders").map(\.seq) == [1])
        #expect(try store.search("select").map(\.seq) == [2])
        // Version 6 listed their words: "order" is asked as "order" or "orders".
        #expect(try store.searchWord("order").terms == ["order", "orders"])
        #expect(try store.search("order").map(\.seq) == [1])
        #expect(try store.confirm(messageID: "a1")?.question == "how many orders?")
        #expect(try store.confirmedExamples(dataSource: "sqlite:/tmp/shop.db").map(\.messageID) == ["a1"])
    }
}
