import Databases
import Foundation
import TestSupport
import Testing

@testable import History

/// The store on each engine it supports: a SQLite file, and a schema of its own on the test PostgreSQL.
enum Engine: String, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// PostgreSQL runs wherever a server is configured, and always under CI (where a missing one fails).
    static var available: [Engine] { TestPostgres.isAvailable ? allCases : [.sqlite] }
}

@Suite(.serialized) final class HistoryStoreTests {
    let folder = TemporaryDirectory("history-tests")
    var schemas: [String] = []

    deinit {
        guard !schemas.isEmpty, let url = TestPostgres.url,
            let admin = try? DatabaseConnector.open(DatabaseLocation(parsing: url), access: .readWrite)
        else { return }
        for schema in schemas { try? admin.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
    }

    /// The location of a store; for PostgreSQL, in a new schema made empty for this test.
    func location(_ engine: Engine) throws -> DatabaseLocation {
        switch engine {
        case .sqlite:
            return DatabaseLocation(sqlitePath: folder.file("nested/dir/history.sqlite"))
        case .postgres:
            if schemas.isEmpty {
                let url = try TestPostgres.requireURL()
                let schema = TestPostgres.uniqueSchemaName("history")
                try DatabaseConnector.open(DatabaseLocation(parsing: url), access: .readWrite)
                    .execute("CREATE SCHEMA \(schema)")
                schemas.append(schema)
            }
            return try DatabaseLocation(
                parsing: TestPostgres.url(try TestPostgres.requireURL(), searchPath: schemas[0]))
        }
    }

    func openStore(_ engine: Engine = .sqlite) throws -> HistoryStore {
        try HistoryStore.open(location(engine))
    }

    func session(_ id: String = HistoryStore.newID(), title: String = "revenue by month") -> SessionRecord {
        let now = Timestamp.now()
        return SessionRecord(
            id: id, title: title, createdAt: now, updatedAt: now, dataSource: "sqlite:/tmp/shop.db", dialect: "sqlite",
            model: "m", endpointHost: "127.0.0.1:1", userName: "ana", clientVersion: "0.1.0", schemaFingerprint: "f")
    }

    @Test(arguments: Engine.available) func createsItsFolderAndMigratesOnce(engine: Engine) throws {
        _ = try openStore(engine)
        let again = try openStore(engine)
        let versions = try again.database.fetchAll("SELECT version FROM schema_version ORDER BY version").rows
        #expect(versions == (1...6).map { [.integer($0)] })
    }

    /// A store a newer datachat migrated further is refused in one line, and nothing is written to it.
    @Test(arguments: Engine.available) func aStoreFromANewerDatachatIsRefused(engine: Engine) throws {
        let store = try openStore(engine)
        try store.database.execute("INSERT INTO schema_version (version) VALUES (99)")
        #expect {
            try openStore(engine)
        } throws: { error in
            guard let error = error as? DatabaseError else { return false }
            return error.code == .invalidLocation && !error.message.contains("\n")
                && error.message.contains("was written by a newer datachat (store version 99; this one knows up to 6)")
        }
        let versions = try store.database.fetchAll("SELECT count(*) FROM schema_version").rows
        #expect(versions == [[.integer(7)]])
    }

    @Test(arguments: Engine.available) func messagesGetConsecutiveSeqAndRoundTrip(engine: Engine) throws {
        let store = try openStore(engine)
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

    @Test(arguments: Engine.available) func sessionsByPrefixSearchAndDelete(engine: Engine) throws {
        let store = try openStore(engine)
        let first = session("aaaa1111-0000-0000-0000-000000000000", title: "first")
        let second = session("aaaa2222-0000-0000-0000-000000000000", title: "second")
        try store.createSession(first)
        try store.createSession(second)
        try store.append(
            MessageRecord(sessionID: second.id, role: .user, content: "Top 100% sellers?", status: .pending))
        #expect(try store.session(id: "aaaa1")?.title == "first")
        #expect(try store.session(id: "aaaa") == nil, "an ambiguous prefix matches nothing")
        #expect(Set(try store.sessions(matching: "aaaa").map(\.title)) == ["second", "first"])
        #expect(try store.sessions(matching: first.id).map(\.title) == ["first"])
        #expect(try store.sessions(matching: "aa_a").isEmpty, "LIKE wildcards in an id are literal")
        let ambiguous = #expect(throws: SessionLookupError.self) { try store.session(named: "aaaa") }
        let message = try #require(ambiguous?.description)
        #expect(message.hasPrefix("session id aaaa is ambiguous: it starts "))
        #expect(message.contains("aaaa2222-000 (second)") && message.contains("aaaa1111-000 (first)"))
        #expect(message.hasSuffix("; give more of the id"))
        let missing = #expect(throws: SessionLookupError.self) { try store.session(named: "bbbb") }
        #expect(missing?.description == "no session bbbb: `datachat sessions list` shows them")
        #expect(try store.sessions().map(\.title) == ["second", "first"])
        #expect(try store.search("100%").map(\.sessionID) == [second.id], "% is no wildcard, only a separator")
        #expect(try store.search("1_0").isEmpty, "neither is _")
        #expect(try store.deleteSession(id: second.id))
        #expect(try store.messages(sessionID: second.id).isEmpty)
        #expect(try store.search("sellers").isEmpty, "a deleted message leaves the index")
        #expect(try store.deleteSession(id: second.id) == false)
    }

    @Test(arguments: Engine.available) func concurrentAppendsGetDistinctSeqs(engine: Engine) throws {
        let location = try location(engine)
        let store = try HistoryStore.open(location)
        let record = session()
        try store.createSession(record)
        let writers = 6
        let perWriter = 10
        let failures = FailureLog()
        let group = DispatchGroup()
        for writer in 0..<writers {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let own = try HistoryStore.open(location)
                    for index in 0..<perWriter {
                        try own.append(
                            MessageRecord(
                                sessionID: record.id, role: .user, content: "w\(writer) #\(index)", status: .pending))
                    }
                } catch {
                    failures.add("\(error)")
                }
            }.start()
        }
        group.wait()
        #expect(failures.messages.isEmpty)
        let seqs = try store.messages(sessionID: record.id).map(\.seq)
        #expect(seqs == Array(1...(writers * perWriter)))
    }

    @Test func timestampsAreUTCISO8601() {
        #expect(Timestamp.format(seconds: 0, milliseconds: 7) == "1970-01-01T00:00:00.007Z")
        #expect(Timestamp.format(seconds: 1_700_000_000, milliseconds: 123) == "2023-11-14T22:13:20.123Z")
    }
}

/// Errors collected from several threads.
final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []

    func add(_ message: String) {
        lock.lock()
        collected.append(message)
        lock.unlock()
    }

    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}

extension HistoryStoreTests {
    /// Version 3: the order-independent hash and the re-asked session's link are saved and read back.
    @Test(arguments: Engine.available) func savesTheResultSetHashAndTheReplayLink(engine: Engine) throws {
        let store = try openStore(engine)
        let original = session()
        try store.createSession(original)
        var reasked = session(title: "again")
        reasked.replayOf = original.id
        try store.createSession(reasked)
        let answer = try store.append(
            MessageRecord(
                sessionID: reasked.id, role: .assistant, content: "", sql: "SELECT 1", status: .ok, rowCount: 1,
                resultHash: "ordered", resultSetHash: "any order"))
        #expect(try store.messages(sessionID: reasked.id).first?.resultSetHash == "any order")
        #expect(answer.resultSetHash == "any order")
        #expect(try store.session(id: reasked.id)?.replayOf == original.id)
        #expect(try store.session(id: original.id)?.replayOf == nil)
    }
}
