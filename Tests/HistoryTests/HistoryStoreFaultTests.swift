import Databases
import Foundation
import TestSupport
import Testing

@testable import History

/// The defects fault injection found in the store (issue 14): each test failed before its fix.
extension HistoryStoreTests {
    // MARK: 1. the store is never the analysed database

    @Test func refusesTheAnalysedSQLiteFileByDeviceAndInode() throws {
        let analysed = folder.file("shop.db")
        let data = try SQLiteDatabase(path: analysed, access: .readWrite)
        try data.execute("CREATE TABLE customers (id INTEGER)")
        // Another name for the same file: a hard link and a path through `..`, which no string compare catches.
        let link = folder.file("alias.sqlite")
        try FileManager.default.linkItem(atPath: analysed, toPath: link)
        try FileManager.default.createDirectory(atPath: folder.file("sub"), withIntermediateDirectories: true)
        for history in [analysed, link, folder.file("sub/../shop.db")] {
            #expect(throws: DatabaseError.self) {
                try HistoryStore.open(
                    DatabaseLocation(sqlitePath: history), apartFrom: DatabaseLocation(sqlitePath: analysed))
            }
        }
        let tables = try data.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").rows
        #expect(tables == [[.text("customers")]], "no history table was written into the analysed file")
        // A file of its own is fine.
        _ = try HistoryStore.open(
            DatabaseLocation(sqlitePath: folder.file("history.sqlite")),
            apartFrom: DatabaseLocation(sqlitePath: analysed))
    }

    @Test(.enabled(if: TestPostgres.isAvailable)) func refusesTheAnalysedPostgresSchema() throws {
        let history = try location(.postgres)
        let url = try TestPostgres.requireURL()
        let analysed = try DatabaseLocation(parsing: TestPostgres.url(url, searchPath: schemas[0]))
        do {
            _ = try HistoryStore.open(history, apartFrom: analysed)
            Issue.record("a store in the analysed schema was opened")
        } catch let error as DatabaseError {
            #expect(error.code == .invalidLocation)
            #expect(error.message.contains("analysed database"))
        }
        let admin = try DatabaseConnector.open(DatabaseLocation(parsing: url), access: .readWrite)
        let created = try admin.fetchAll(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1", parameters: [.text(schemas[0])])
        #expect(created.rows == [[.integer(0)]], "no history table was created")
        // --schema naming the store's schema counts too; another schema of the same database does not.
        #expect(throws: DatabaseError.self) {
            try HistoryStore.open(history, apartFrom: DatabaseLocation(parsing: url), analysedSchemas: [schemas[0]])
        }
        _ = try HistoryStore.open(history, apartFrom: DatabaseLocation(parsing: url), analysedSchemas: ["public"])
    }

    // MARK: 4. a first turn in one transaction, and the question's final status

    @Test(arguments: Engine.available) func aSessionIsNeverLeftWithoutItsQuestion(engine: Engine) throws {
        let store = try openStore(engine)
        try refuseInserts(of: "user", in: store, engine: engine)
        let record = session()
        #expect(throws: (any Error).self) {
            try store.createSession(
                record, firstMessage: MessageRecord(sessionID: record.id, role: .user, content: "q", status: .pending))
        }
        #expect(try store.session(id: record.id) == nil, "the session row went with its failed question")
    }

    @Test(arguments: Engine.available) func theQuestionTakesItsTurnsStatus(engine: Engine) throws {
        let store = try openStore(engine)
        let record = session()
        let question = try store.createSession(
            record, firstMessage: MessageRecord(sessionID: record.id, role: .user, content: "q", status: .pending))
        try store.append(
            MessageRecord(sessionID: record.id, role: .assistant, content: "a", sql: "SELECT x", status: .error),
            settling: question.id)
        #expect(try store.messages(sessionID: record.id).map(\.status) == [.error, .error])
        try store.append(
            MessageRecord(sessionID: record.id, role: .assistant, content: "a", sql: "SELECT 1", status: .ok),
            settling: question.id)
        #expect(try store.messages(sessionID: record.id).map(\.status) == [.ok, .error, .ok])
    }

    // MARK: 5. NUL

    @Test(arguments: Engine.available) func aNulIsStoredTheSameOnBothEngines(engine: Engine) throws {
        let store = try openStore(engine)
        let record = session(title: "q \0 x")
        try store.createSession(
            record, firstMessage: MessageRecord(sessionID: record.id, role: .user, content: "q \0 x", status: .pending))
        #expect(try store.messages(sessionID: record.id).first?.content == "q \u{2400} x")
        #expect(try store.session(id: record.id)?.title == "q \u{2400} x")
    }

    // MARK: 3. the file deleted or replaced under a running store

    @Test func aDeletedFileIsRecreatedWithEveryTurn() throws {
        let path = folder.file("deleted.sqlite")
        let (store, record, notices) = try storeWithOneQuestion(at: path)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try store.append(MessageRecord(sessionID: record.id, role: .user, content: "two", status: .pending))
        #expect(notices.lines.count == 1)
        #expect(notices.lines.first?.contains("was deleted") == true)
        let reader = try HistoryStore.open(DatabaseLocation(sqlitePath: path))
        #expect(try reader.messages(sessionID: record.id).map(\.content) == ["one", "two"])
        try store.append(MessageRecord(sessionID: record.id, role: .user, content: "three", status: .pending))
        #expect(notices.lines.count == 1, "said once")
        #expect(try reader.messages(sessionID: record.id).map(\.content) == ["one", "two", "three"])
    }

    @Test func aReplacedFileGetsThisRunsSessions() throws {
        let path = folder.file("replaced.sqlite")
        let (store, record, notices) = try storeWithOneQuestion(at: path)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let other = try HistoryStore.open(DatabaseLocation(sqlitePath: path))
        let theirs = session()
        try other.createSession(theirs)
        try store.append(MessageRecord(sessionID: record.id, role: .user, content: "two", status: .pending))
        #expect(notices.lines.first?.contains("was replaced") == true)
        #expect(try other.messages(sessionID: record.id).map(\.content) == ["one", "two"])
        #expect(try other.session(id: theirs.id) != nil, "the new file's own sessions stay")
    }

    @Test func aDeletedLogIsWrittenIntoTheFile() throws {
        let path = folder.file("log.sqlite")
        let (store, record, notices) = try storeWithOneQuestion(at: path)
        try FileManager.default.removeItem(atPath: path + "-wal")
        try FileManager.default.removeItem(atPath: path + "-shm")
        try store.append(MessageRecord(sessionID: record.id, role: .user, content: "two", status: .pending))
        #expect(notices.lines.first?.contains("-wal was deleted") == true)
        let reader = try HistoryStore.open(DatabaseLocation(sqlitePath: path))
        #expect(try reader.messages(sessionID: record.id).map(\.content) == ["one", "two"])
    }

    // MARK: 14. the file's mode

    @Test func theFileIsPrivate() throws {
        let path = folder.file("private/history.sqlite")
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: path))
        try store.createSession(session())
        for suffix in ["", "-wal"] {
            let mode = try FileManager.default.attributesOfItem(atPath: path + suffix)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(suffix)")
        }
    }

    /// A store at `path` with one session and its question "one", and the notices it gives from then on.
    func storeWithOneQuestion(at path: String) throws -> (HistoryStore, SessionRecord, NoticeLog) {
        let store = try HistoryStore.open(DatabaseLocation(sqlitePath: path))
        let notices = NoticeLog()
        store.onNotice = { notices.lines.append($0) }
        let record = session()
        try store.createSession(
            record, firstMessage: MessageRecord(sessionID: record.id, role: .user, content: "one", status: .pending))
        return (store, record, notices)
    }

    /// Makes the store refuse messages of `role` from now on, as a full disk or a lost server would.
    func refuseInserts(of role: String, in store: HistoryStore, engine: Engine) throws {
        switch engine {
        case .sqlite:
            try store.database.execute(
                """
                CREATE TRIGGER refuse_\(role) BEFORE INSERT ON chat_messages WHEN NEW.role = '\(role)'
                BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END
                """)
        case .postgres:
            try store.database.execute(
                "ALTER TABLE chat_messages ADD CONSTRAINT refuse_\(role) CHECK (role <> '\(role)') NOT VALID")
        }
    }
}

final class NoticeLog {
    var lines: [String] = []
}
