import Foundation
import TestSupport
import Testing

@testable import Databases

@Suite struct SQLiteDatabaseTests {
    let folder = TemporaryDirectory("sqlite-tests")

    func makeDatabase() throws -> String {
        let path = folder.file("shop.db")
        let writer = try SQLiteDatabase(path: path, access: .readWrite)
        try writer.execute(
            """
            CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL, data BLOB);
            CREATE TABLE notes (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES items(id), body TEXT);
            INSERT INTO items VALUES (1, 'tea', 2.5, x'00ff'), (2, 'café', NULL, NULL), (3, 'naïve', 0.1, NULL);
            """)
        return path
    }

    @Test func readsTypedValues() throws {
        let database = try SQLiteDatabase(path: try makeDatabase(), access: .readOnly)
        let result = try database.fetchAll("SELECT id, name, price, data FROM items ORDER BY id")
        #expect(result.columns.map(\.name) == ["id", "name", "price", "data"])
        #expect(result.columns.map(\.typeName) == ["INTEGER", "TEXT", "REAL", "BLOB"])
        #expect(result.rows[0] == [.integer(1), .text("tea"), .real(2.5), .blob([0x00, 0xFF])])
        #expect(result.rows[1] == [.integer(2), .text("café"), .null, .null])
    }

    @Test func bindsDollarParametersByNumber() throws {
        let database = try SQLiteDatabase(path: try makeDatabase(), access: .readOnly)
        let result = try database.fetchAll(
            "SELECT $2 AS second, $1 AS first, name FROM items WHERE id = $1", parameters: [.integer(3), .text("x")])
        #expect(result.rows == [[.text("x"), .integer(3), .text("naïve")]])
    }

    @Test func rowCapStopsTheFetchAndSaysSo() throws {
        let database = try SQLiteDatabase(path: try makeDatabase(), access: .readOnly)
        let result = try database.fetchAll(
            "SELECT * FROM items ORDER BY id", limits: QueryLimits(maxRows: 2))
        #expect(result.rows.count == 2)
        #expect(result.truncated)
        let all = try database.fetchAll("SELECT * FROM items", limits: QueryLimits(maxRows: 3))
        #expect(!all.truncated)
    }

    /// Numbers count 8 bytes towards `maxBytes`, not the length of their text: counting that text made SQLite
    /// format every number of a result once more (1,000 19-digit integers counted 27,000 bytes, now 8,000).
    @Test func byteCapCountsTextAndBlobsNotNumbersAsText() throws {
        let database = try SQLiteDatabase(path: try makeDatabase(), access: .readOnly)
        let numbers = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
            SELECT 9223372036854775807 - i AS big, i * 1.000000000001 AS real FROM n
            """
        let result = try database.fetchAll(numbers, limits: QueryLimits(maxBytes: 20_000))
        #expect(result.rows.count == 1000)
        #expect(result.rows[0] == [.integer(9_223_372_036_854_775_806), .real(1.000000000001)])
        let texts = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
            SELECT printf('%019d', i) AS padded FROM n
            """
        #expect(throws: DatabaseError.self) {
            _ = try database.fetchAll(texts, limits: QueryLimits(maxBytes: 20_000))
        }
    }

    @Test func readOnlyConnectionRefusesWrites() throws {
        let path = try makeDatabase()
        let database = try SQLiteDatabase(path: path, access: .readOnly)
        #expect(throws: DatabaseError.self) { try database.fetchAll("DELETE FROM items") }
        #expect(throws: DatabaseError.self) { try database.execute("INSERT INTO items VALUES (9, 'x', 1, NULL)") }
        let count = try SQLiteDatabase(path: path, access: .readWrite).fetchAll("SELECT count(*) FROM items")
        #expect(count.rows == [[.integer(3)]])
    }

    @Test func secondStatementIsRefused() throws {
        let database = try SQLiteDatabase(path: try makeDatabase(), access: .readOnly)
        #expect(throws: DatabaseError.self) { try database.fetchAll("SELECT 1; SELECT 2") }
        let trailing = try database.fetchAll("SELECT 1; -- done\n")
        #expect(trailing.rows == [[.integer(1)]])
    }

    @Test func runawayQueryStopsAtTheTimeout() throws {
        let database = try SQLiteDatabase(path: try makeDatabase(), access: .readOnly)
        let started = Date()
        do {
            _ = try database.fetchAll(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
                limits: QueryLimits(timeoutSeconds: 0.3))
            Issue.record("the query should have been stopped")
        } catch let error as DatabaseError {
            #expect(error.code == .timeout)
            #expect(error.message.contains("0.3 s"))
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func cancellingStopsARunawayQuery() throws {
        let database = try SQLiteDatabase(path: try makeDatabase(), access: .readOnly)
        let started = Date()
        do {
            _ = try database.fetchAll(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
                limits: QueryLimits(timeoutSeconds: 10, cancellation: .cancelled(after: .milliseconds(300))))
            Issue.record("the query should have been cancelled")
        } catch let error as DatabaseError {
            #expect(error.code == .cancelled)
            #expect(error.message == "the query was cancelled")
        }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try database.fetchAll("SELECT 1").rows == [[.integer(1)]])
    }

    @Test func missingFileIsAClearError() {
        do {
            _ = try SQLiteDatabase(path: folder.file("absent.db"), access: .readOnly)
            Issue.record("opening a missing file should fail")
        } catch let error as DatabaseError {
            #expect(error.code == .cannotOpen)
            #expect(error.message.contains("absent.db"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("absent.db")))
    }

    @Test func fileThatIsNotADatabaseIsRefused() throws {
        let path = try folder.write("notes.db", "just some text, not SQLite")
        #expect(throws: DatabaseError.self) { try SQLiteDatabase(path: path, access: .readOnly) }
    }

    @Test func schemaListsTablesColumnsAndKeys() throws {
        let database = try SQLiteDatabase(path: try makeDatabase(), access: .readOnly)
        let schema = try database.schema()
        #expect(schema.tables.map(\.name) == ["items", "notes"])
        let notes = try #require(schema.table(named: "notes"))
        #expect(notes.columns.map(\.name) == ["id", "item_id", "body"])
        #expect(notes.columns[0].isPrimaryKey)
        #expect(
            notes.foreignKeys == [ForeignKey(columns: ["item_id"], referencedTable: "items", referencedColumns: ["id"])]
        )
        #expect(try #require(schema.table(named: "items")).columns[1].isNullable == false)
    }
}
