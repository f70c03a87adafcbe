import Databases
import TestSupport
import Testing

@testable import History

@Suite struct HistoryStoreTests {
    let folder = TemporaryDirectory("history-tests")

    func openStore() throws -> HistoryStore {
        try HistoryStore.open(DatabaseLocation(sqlitePath: folder.file("nested/dir/history.sqlite")))
    }

    func session(_ id: String = HistoryStore.newID(), title: String = "revenue by month") -> SessionRecord {
        let now = Timestamp.now()
        return SessionRecord(
            id: id, title: title, createdAt: now, updatedAt: now, dataSource: "sqlite:/tmp/shop.db", dialect: "sqlite",
            model: "m", endpointHost: "127.0.0.1:1", userName: "ana", clientVersion: "0.1.0", schemaFingerprint: "f")
    }

    @Test func createsItsFolderAndMigratesOnce() throws {
        _ = try openStore()
        let again = try openStore()
        let versions = try again.database.fetchAll("SELECT version FROM schema_version").rows
        #expect(versions == [[.integer(1)]])
    }

    @Test func messagesGetConsecutiveSeqAndRoundTrip() throws {
        let store = try openStore()
        let record = session()
        try store.createSession(record)
        let question = try store.append(
            MessageRecord(sessionID: record.id, role: .user, content: "how many orders?", status: .pending))
        let answer = try store.append(
            MessageRecord(
                sessionID: record.id, role: .assistant, content: "```sql\nSELECT 1\n```", sql: "SELECT 1", status: .ok,
                columns: ["n", "name, with comma"], rowCount: 1, resultHash: "abc", resultPreview: "n\n1\n",
                model: "m", promptTokens: 10, completionTokens: 5, firstTokenMilliseconds: 1.5,
                modelMilliseconds: 2, executionMilliseconds: 0.25, totalMilliseconds: 3))
        #expect(question.seq == 1)
        #expect(answer.seq == 2)
        let stored = try store.messages(sessionID: record.id)
        #expect(stored == [question, answer])
        #expect(stored[1].columns == ["n", "name, with comma"])
        #expect(stored[0].createdAt.hasSuffix("Z"))
    }

    @Test func sessionsByPrefixSearchAndDelete() throws {
        let store = try openStore()
        let first = session("aaaa1111-0000-0000-0000-000000000000", title: "first")
        let second = session("aaaa2222-0000-0000-0000-000000000000", title: "second")
        try store.createSession(first)
        try store.createSession(second)
        try store.append(MessageRecord(sessionID: second.id, role: .user, content: "Top 100% sellers?", status: .pending))
        #expect(try store.session(id: "aaaa1")?.title == "first")
        #expect(try store.session(id: "aaaa") == nil, "an ambiguous prefix matches nothing")
        #expect(try store.sessions().map(\.title) == ["second", "first"])
        #expect(try store.search("100%").map(\.sessionID) == [second.id])
        #expect(try store.search("1_0").isEmpty, "LIKE wildcards are literal")
        #expect(try store.deleteSession(id: second.id))
        #expect(try store.messages(sessionID: second.id).isEmpty)
        #expect(try store.deleteSession(id: second.id) == false)
    }

    @Test func timestampsAreUTCISO8601() {
        #expect(Timestamp.format(seconds: 0, milliseconds: 7) == "1970-01-01T00:00:00.007Z")
        #expect(Timestamp.format(seconds: 1_700_000_000, milliseconds: 123) == "2023-11-14T22:13:20.123Z")
    }
}
