import Databases
import Foundation
import SQLGuard
import TestSupport
import Testing

/// The corpora against a real SQLite copy of the sample: honest queries run, and write attempts fail
/// at the engine with layer 1 switched off (the SQL goes straight to the connection), leaving every
/// byte of the database as it was.
@Suite(.serialized) struct SQLiteGuardExecutionTests {
    let folder = TemporaryDirectory("guard-sqlite")
    let limits = QueryLimits(maxRows: 1_000, timeoutSeconds: 20, maxBytes: 16 * 1_048_576)

    /// A private copy of the sample database, so that nothing here can touch the shared cache.
    func sampleCopy() throws -> String {
        let cached = try SampleDataset(directory: Repository.sampleData).sqliteFile(
            cacheDirectory: folder.file("cache"))
        let path = folder.file("sample.db")
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.copyItem(atPath: cached, toPath: path)
        }
        return path
    }

    func open(_ path: String) throws -> any Database {
        try DatabaseConnector.open(try DatabaseLocation(parsing: "sqlite://" + path), access: .readOnly)
    }

    @Test func everyHonestQueryRunsOnTheSample() throws {
        let database = try open(try sampleCopy())
        let corpus = try Corpus.honest(.sqlite)
        for (index, sql) in corpus.entries.enumerated() {
            do {
                _ = try database.fetchAll(sql, limits: limits)
            } catch {
                Issue.record("\(corpus.name) \(describe(index, sql)) failed on SQLite: \(error)")
            }
        }
    }

    @Test func writeAttemptsLeaveTheDatabaseUnchangedWithLayerOneOff() throws {
        let path = try sampleCopy()
        let outside = ["/tmp/evil.db", "/tmp/copy.db", "/tmp/x"]
        for file in outside { try? FileManager.default.removeItem(atPath: file) }
        let before = try checksum(of: folder.path)
        let database = try open(path)
        let corpus = try Corpus.adversarial(.sqlite)
        var refused = 0
        for sql in corpus.entries {
            do {
                _ = try database.fetchAll(sql, limits: limits)
            } catch {
                refused += 1
            }
        }
        #expect(try checksum(of: folder.path) == before)
        for file in outside { #expect(!FileManager.default.fileExists(atPath: file), "\(file) was created") }
        // The connection still reads afterwards: nothing above left it in a transaction or a new mode.
        #expect(try database.fetchAll("SELECT count(*) FROM categories").rows == [[.integer(63)]])
        #expect(refused > corpus.entries.count / 2)
    }

    @Test func theAuthorizerRefusesWhatTheReadOnlyFlagAllows() throws {
        let database = try open(try sampleCopy())
        let cases: [(String, String)] = [
            ("ATTACH DATABASE '\(folder.file("other.db"))' AS other", "ATTACH"),
            ("PRAGMA query_only = OFF", "PRAGMA query_only"),
            ("PRAGMA writable_schema = ON", "PRAGMA writable_schema"),
            ("SELECT load_extension('/tmp/evil.so')", "load_extension()"),
            ("SELECT length(zeroblob(10))", "zeroblob()"),
            ("BEGIN IMMEDIATE", "change the database"),
        ]
        for (sql, expected) in cases {
            do {
                _ = try database.fetchAll(sql)
                Issue.record("\(sql) ran")
            } catch let error as DatabaseError {
                #expect(error.code == .readOnly, "\(sql): \(error.code)")
                #expect(error.message.contains(expected), "\(sql): \(error.message)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("other.db")))
        // What stays allowed: reading pragmas, introspection, recursive CTEs.
        #expect(try database.fetchAll("PRAGMA user_version").rows.count == 1)
        #expect(try database.fetchAll("SELECT name FROM pragma_table_info('orders')").rows.count == 8)
        #expect(try database.schema().tables.count == 8)
        #expect(
            try database.fetchAll(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n"
            ).rows.count == 5)
    }

    @Test func vacuumIntoCannotCopyTheDatabaseOut() throws {
        let database = try open(try sampleCopy())
        let target = folder.file("stolen.db")
        #expect(throws: DatabaseError.self) { try database.fetchAll("VACUUM INTO '\(target)'") }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func aReadWriteConnectionIsNotRestricted() throws {
        let database = try DatabaseConnector.open(
            try DatabaseLocation(parsing: "sqlite://" + folder.file("history.db")), access: .readWrite)
        try database.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); PRAGMA user_version = 3")
        try database.execute("INSERT INTO notes (body) VALUES ($1)", parameters: [.text("kept")])
        #expect(try database.fetchAll("SELECT body FROM notes").rows == [[.text("kept")]])
    }

    @Test func rowCapTimeoutAndByteCapHold() throws {
        let database = try open(try sampleCopy())
        let capped = try database.fetchAll("SELECT * FROM order_items", limits: QueryLimits(maxRows: 10))
        #expect(capped.rows.count == 10)
        #expect(capped.truncated)

        do {
            _ = try database.fetchAll(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n",
                limits: QueryLimits(timeoutSeconds: 0.5))
            Issue.record("the runaway CTE was not stopped")
        } catch let error as DatabaseError {
            #expect(error.code == .timeout)
        }

        // Many small rows past the cap, and one value bigger than the cap on its own.
        for sql in ["SELECT * FROM customers", "SELECT printf('%.*c', 3000000, 'x')"] {
            do {
                _ = try database.fetchAll(sql, limits: QueryLimits(maxBytes: 1_048_576))
                Issue.record("\(sql) passed the byte cap")
            } catch let error as DatabaseError {
                #expect(error.code == .resultTooLarge, "\(sql): \(error)")
                #expect(error.message.contains("1 MiB"))
            }
        }
        // The cap is per query: the next one may read a big value again.
        #expect(try database.fetchAll("SELECT length(printf('%.*c', 3000000, 'x'))").rows == [[.integer(3_000_000)]])
    }
}

/// FNV-1a over every file's name and bytes in `directory`: any write, journal or new file changes it.
func checksum(of directory: String) throws -> String {
    var hash = FNV1a()
    for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
        hash.add(name)
        let path = directory + "/" + name
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            continue
        }
        for byte in try Data(contentsOf: URL(fileURLWithPath: path)) { hash.add(byte) }
    }
    return hash.hexDigest
}
