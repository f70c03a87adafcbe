import Foundation
import TestSupport
import Testing

@testable import Databases

/// A read-only query's rows come through `COPY (query) TO STDOUT` (`PostgresDatabase+CopyOut`): the same
/// columns, values, order and caps as single-row mode gives the statement alone, which a closing semicolon
/// still sends it through (so each check below compares the two paths on one server).
@Suite(.enabled(if: TestPostgres.isAvailable), .serialized) struct PostgresCopyOutTests {
    @Test func whichStatementsGoThroughCopy() {
        for sql in [
            "SELECT 1", "  -- a note\n select 1", "/* c */ (SELECT 1) UNION (SELECT 2)",
            "WITH t AS (SELECT 1) SELECT *", "VALUES (1), (2)", "TABLE items", "SELECT 'insert into ) ;' AS text",
            "SELECT 1 -- a closing comment", "SELECT E'\\') ' AS quote", "SELECT $$ ) $$",
        ] {
            #expect(PostgresDatabase.readsThroughCopy(sql), "\(sql)")
        }
        for sql in [
            "EXPLAIN SELECT 1", "SHOW search_path", "SET x = 1", "WITH gone AS (DELETE FROM t RETURNING *) SELECT 1",
            "SELECT * INTO copy FROM items", "SELECT * FROM items FOR UPDATE", "SELECT * FROM items FOR KEY SHARE",
            "", "-- only a comment", "SELECT 1;", "SELECT 1; SELECT 2",
            // Anything that could close COPY's parenthesis or swallow it.
            "SELECT 1) TO PROGRAM 'true' --", "SELECT (1", "SELECT 'open", "SELECT 1 /* open", "SELECT E'\\')' ) x",
            "SELECT \"open", "SELECT $q$ open",
        ] {
            #expect(!PostgresDatabase.readsThroughCopy(sql), "\(sql)")
        }
    }

    /// The second guard and the columns: before it goes inside `COPY (...)`, the statement is parsed alone
    /// (one that closes the parenthesis is the syntax error it is alone) and described without being run.
    @Test func theStatementIsParsedAloneAndNotRunBeforeTheCopy() throws {
        let fixture = try PostgresFixture("copy_guard")
        let database = try fixture.reader()
        let connection = try database.liveConnection()
        var watch = PostgresWatch.unlimited
        #expect {
            try connection.prepareAndDescribe("SELECT 1 AS a) TO STDOUT (FORMAT csv", after: [], &watch)
        } throws: { error in
            (error as? DatabaseError)?.code == .statementFailed
                && (error as? DatabaseError)?.message.contains("syntax error") == true
        }
        let description = try connection.prepareAndDescribe(
            "SELECT 1 / 0 AS a, 'x'::varchar(3) AS b", after: ["SET LOCAL statement_timeout = 1000"], &watch)
        let columns = database.describedColumns(description).columns
        #expect(columns.map(\.name) == ["a", "b"], "described, and not run (it would divide by zero)")
        #expect(columns.map(\.typeName) == ["integer", "character varying(3)"])
        #expect(try database.fetchAll("SELECT 2").rows == [[.integer(2)]], "the connection goes on")
    }

    /// Every kind of value, and the bytes COPY escapes (tab, newline, carriage return, backslash, the text
    /// `\N` that is not NULL), come back as single-row mode gives them, with the same column names and types.
    @Test func valuesAndColumnsAreThoseOfSingleRowMode() throws {
        let fixture = try PostgresFixture("copy_values")
        try fixture.admin.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')")
        try fixture.admin.execute(
            """
            CREATE TABLE items(id int PRIMARY KEY, label text, price numeric(10,2), ratio float8, ok boolean,
              day date, at timestamptz, blob bytea, tags text[], doc jsonb, feeling mood, span interval)
            """)
        try fixture.admin.execute(
            """
            INSERT INTO items VALUES
              (1, E'tab\\there\\nnew line\\r\\\\ back', 12.50, 0.1, true, '2024-02-29', '2024-02-29 12:00:00+00',
               '\\x00ff5c0a', ARRAY['a\\b', 'c d', NULL], '{"k": "v\\t"}', 'happy', '1 day 02:00'),
              (2, '\\N', NULL, 'NaN', false, NULL, NULL, NULL, '{}', 'null', NULL, NULL),
              (3, '', -0.01, '-Infinity', NULL, 'infinity', NULL, '', NULL, NULL, 'sad', '-1 mon'),
              (4, 'ünïcödé ✓ 汉字', 0, 1e300, true, '0001-01-01 BC', '2000-01-01', '\\x5c4e', NULL, '[1, 2]', NULL,
               NULL)
            """)
        let database = try fixture.reader()
        for sql in [
            "SELECT * FROM items ORDER BY id",
            "SELECT id, NULL AS nothing, label || '\\' AS ending FROM items ORDER BY id",
            "SELECT FROM items", "SELECT g AS none FROM generate_series(1, 0) g",
        ] {
            #expect(PostgresDatabase.readsThroughCopy(sql) && !PostgresDatabase.readsThroughCopy(sql + ";"))
            let copied = try database.fetchAll(sql)
            let single = try database.fetchAll(sql + ";")
            #expect(copied.columns == single.columns, "\(sql)")
            // Compared as text: NaN is not equal to itself.
            #expect("\(copied.rows)" == "\(single.rows)", "\(sql)")
        }
        let first = try database.fetchAll("SELECT label FROM items WHERE id <= 2 ORDER BY id").rows
        #expect(first == [[.text("tab\there\nnew line\r\\ back")], [.text("\\N")]])
        #expect(try database.fetchAll("SELECT FROM items").rows == Array(repeating: [], count: 4))
        // Columns are told with the first row, or at the end when there are any: none and no rows, not at all.
        for sql in ["SELECT FROM items WHERE false", "SELECT FROM items", "SELECT id FROM items WHERE false"] {
            var told: [Int] = []
            for statement in [sql, sql + ";"] {
                var calls = 0
                try database.query(
                    statement, parameters: [], limits: .none, columns: { _ in calls += 1 }, row: { _ in true })
                told.append(calls)
            }
            #expect(told[0] == told[1], "\(sql): \(told)")
        }
    }

    @Test func theCapsHoldAndAnErrorAfterSomeRowsNamesTheStatement() throws {
        let fixture = try PostgresFixture("copy_caps")
        let database = try fixture.reader()
        for cap in [1, 2, 99_999, 100_000] {
            let capped = try database.fetchAll(
                "SELECT g FROM generate_series(1, 100000) g", limits: QueryLimits(maxRows: cap))
            #expect(capped.rows.count == cap && capped.truncated == (cap < 100_000), "cap \(cap)")
            #expect(capped.rows.last == [.integer(Int64(cap))], "cap \(cap)")
        }
        #expect {
            try database.fetchAll(
                "SELECT repeat('x', 1000) FROM generate_series(1, 100000)", limits: QueryLimits(maxBytes: 10_485_760))
        } throws: { error in
            (error as? DatabaseError)?.code == .resultTooLarge
                && (error as? DatabaseError)?.message.contains("larger than 10 MiB") == true
        }

        let sql = "SELECT 1 / (50000 - g) FROM generate_series(1, 100000) g"
        var rows = 0
        #expect {
            try database.query(
                sql, parameters: [], limits: .none, columns: { _ in },
                row: { _ in
                    rows += 1
                    return true
                })
        } throws: { error in
            guard let error = error as? DatabaseError else { return false }
            return error.code == .statementFailed && error.message == "division by zero" && error.sql == sql
        }
        #expect(rows > 0 && rows < 50_000, "the rows before the error were handed over")
        #expect {
            try database.fetchAll("SELECT missing FROM generate_series(1, 3) g")
        } throws: { error in
            (error as? DatabaseError)?.message.hasPrefix("column \"missing\" does not exist") == true
        }
        #expect(try database.fetchAll("SELECT 2").rows == [[.integer(2)]], "the connection goes on")
    }
}
