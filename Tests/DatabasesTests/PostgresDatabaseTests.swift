import Foundation
import TestSupport
import Testing

@testable import Databases

@Suite(.enabled(if: TestPostgres.isAvailable), .serialized) struct PostgresDatabaseTests {
    /// float8 read from its text without a `String` (`PostgresTypes.real(bytes)`) is the double the text spells,
    /// for plain decimals and exponents alike.
    @Test func realsReadAsTheServerSpellsThem() throws {
        let fixture = try PostgresFixture("reals")
        let database = try fixture.reader()
        let result = try database.fetchAll(
            """
            SELECT x, x::text AS spelled FROM (
                SELECT g / 7.0::float8 * (CASE g % 3 WHEN 0 THEN 1e-6 WHEN 1 THEN 1 ELSE 1e9 END) AS x
                FROM generate_series(-3000, 3000) g) s
            """)
        #expect(result.rows.count == 6001)
        for row in result.rows {
            guard case .real(let value) = row[0], case .text(let spelled) = row[1], let expected = Double(spelled)
            else {
                Issue.record("unexpected row \(row)")
                continue
            }
            #expect(value.bitPattern == expected.bitPattern, "\(spelled)")
        }
    }

    @Test func typesMapToTheSharedValueModel() throws {
        let fixture = try PostgresFixture("types")
        try fixture.admin.execute(
            """
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
            """)
        let database = try fixture.reader()
        let result = try database.fetchAll(
            """
            SELECT 1::smallint AS i2, 2::integer AS i4, 9007199254740993::bigint AS i8,
                12345678901234567890.123456789::numeric AS exact, 1.10::numeric(12,2) AS money,
                1.5::real AS f4, 'NaN'::float8 AS nan, 'Infinity'::float8 AS inf, '-Infinity'::float8 AS ninf,
                true AS yes, false AS no, 'café'::text AS t, 'ab'::varchar(10) AS vc, 'x'::char(3) AS c3,
                'pg'::name AS nm, '\\x00ff10'::bytea AS bin, DATE '2024-02-29' AS d, TIME '13:45:01.5' AS tm,
                TIMESTAMP '2024-01-02 03:04:05' AS ts, TIMESTAMPTZ '2024-01-02 03:04:05+00' AS tstz,
                INTERVAL '1 day 02:00:00' AS iv, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS id,
                '{"a": [1, 2]}'::json AS js, '{"b": null}'::jsonb AS jb, ARRAY[1, NULL, 3] AS ints,
                ARRAY['a,b', 'c"d', 'e\\f', NULL, 'NULL'] AS texts, ARRAY[[1.5, 2], [3, 4]]::numeric[] AS grid,
                'happy'::mood AS feeling, ARRAY['sad', 'ok']::mood[] AS feelings, 7::positive AS dom,
                NULL::integer AS nothing, '{}'::integer[] AS empty
            """)
        let row = try #require(result.rows.first)
        let values = Dictionary(uniqueKeysWithValues: zip(result.columns.map(\.name), row))
        #expect(values["i2"] == .integer(1))
        #expect(values["i4"] == .integer(2))
        #expect(values["i8"] == .integer(9_007_199_254_740_993))
        #expect(values["exact"] == .numeric("12345678901234567890.123456789"))
        #expect(values["money"] == .numeric("1.10"))
        #expect(values["f4"] == .real(1.5))
        #expect(values["nan"]?.doubleValue?.isNaN == true)
        #expect(values["inf"] == .real(.infinity))
        #expect(values["ninf"] == .real(-.infinity))
        #expect(values["yes"] == .boolean(true))
        #expect(values["no"] == .boolean(false))
        #expect(values["t"] == .text("café"))
        #expect(values["vc"] == .text("ab"))
        #expect(values["c3"] == .text("x  "))
        #expect(values["nm"] == .text("pg"))
        #expect(values["bin"] == .blob([0x00, 0xFF, 0x10]))
        #expect(values["d"] == .date("2024-02-29"))
        #expect(values["tm"] == .time("13:45:01.5"))
        #expect(values["ts"] == .timestamp("2024-01-02 03:04:05"))
        if case .timestampWithTimeZone(let text) = values["tstz"] {
            #expect(text.hasPrefix("2024-01-02"))
        } else {
            Issue.record("timestamptz decoded as \(String(describing: values["tstz"]))")
        }
        #expect(values["iv"] == .interval("1 day 02:00:00"))
        #expect(values["id"] == .uuid("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))
        #expect(values["js"] == .json("{\"a\": [1, 2]}"))
        #expect(values["jb"] == .json("{\"b\": null}"))
        #expect(values["ints"] == .array([.integer(1), .null, .integer(3)]))
        #expect(values["texts"] == .array([.text("a,b"), .text("c\"d"), .text("e\\f"), .null, .text("NULL")]))
        #expect(
            values["grid"]
                == .array([.array([.numeric("1.5"), .numeric("2")]), .array([.numeric("3"), .numeric("4")])]))
        #expect(values["feeling"] == .text("happy"))
        #expect(values["feelings"] == .array([.text("sad"), .text("ok")]))
        #expect(values["dom"] == .integer(7))
        #expect(values["nothing"] == .null)
        #expect(values["empty"] == .array([]))
        let types = Dictionary(uniqueKeysWithValues: result.columns.map { ($0.name, $0.typeName) })
        #expect(types["i4"] == "integer")
        #expect(types["money"] == "numeric(12,2)")
        #expect(types["vc"] == "character varying(10)")
        #expect(types["tstz"] == "timestamp with time zone")
        #expect(types["ints"] == "integer[]")
        #expect(types["feeling"] == "mood")
        #expect(types["feelings"] == "mood[]")
        #expect(types["dom"] == "integer", "results describe a domain by its base type")
    }

    @Test func parametersAreBoundNeverInterpolated() throws {
        let fixture = try PostgresFixture("params")
        let database = try fixture.reader()
        let hostile = "'; DROP TABLE x; --"
        let result = try database.fetchAll(
            "SELECT $1::text AS t, $2::bigint + 1 AS n, $3::bytea AS b, $4::float8 AS r, $5::boolean AS f, $6::int[] AS a, $7::text AS z",
            parameters: [
                .text(hostile), .integer(41), .blob([0, 1, 2, 255]), .real(2.5), .boolean(true),
                .array([.integer(1), .null]), .null,
            ])
        #expect(
            result.rows == [
                [
                    .text(hostile), .integer(42), .blob([0, 1, 2, 255]), .real(2.5), .boolean(true),
                    .array([.integer(1), .null]), .null,
                ]
            ])
    }

    @Test func rowsStreamAndTheRowCapStopsTheFetchEarly() throws {
        let fixture = try PostgresFixture("stream")
        let database = try fixture.reader()
        let started = Date()
        var seen = 0
        let stats = try database.query(
            "SELECT g, 'row ' || g FROM generate_series(1, 10000000) g", parameters: [],
            limits: QueryLimits(maxRows: 1_000), columns: { #expect($0.map(\.name) == ["g", "?column?"]) },
            row: { _ in
                seen += 1
                return true
            })
        #expect(stats.rowCount == 1_000)
        #expect(seen == 1_000)
        #expect(stats.truncated)
        #expect(Date().timeIntervalSince(started) < 5, "ten million rows were not all fetched")
        // The connection is still in good order afterwards.
        #expect(try database.fetchAll("SELECT 2").rows == [[.integer(2)]])
        let exact = try database.fetchAll("SELECT * FROM generate_series(1, 3)", limits: QueryLimits(maxRows: 3))
        #expect(exact.rows.count == 3 && !exact.truncated)
    }

    @Test func readOnlyConnectionRefusesEveryWrite() throws {
        let fixture = try PostgresFixture("readonly")
        try fixture.admin.execute("CREATE TABLE items (id integer PRIMARY KEY); INSERT INTO items VALUES (1), (2)")
        let database = try fixture.reader()
        for sql in [
            "INSERT INTO items VALUES (3)", "DELETE FROM items", "CREATE TABLE other (a int)",
            "WITH gone AS (DELETE FROM items RETURNING id) SELECT count(*) FROM gone",
        ] {
            do {
                try database.execute(sql)
                Issue.record("\(sql) should have been refused")
            } catch let error as DatabaseError {
                #expect(error.code == .readOnly, "\(sql): \(error.message)")
            }
        }
        #expect(throws: DatabaseError.self) { try database.execute("SELECT 1; DELETE FROM items") }
        // Ending the wrapping transaction early does not open a writable one.
        try? database.execute("COMMIT")
        #expect(throws: DatabaseError.self) { try database.execute("DELETE FROM items") }
        #expect(try fixture.admin.fetchAll("SELECT count(*) FROM \(fixture.schema).items").rows == [[.integer(2)]])
    }

    @Test func slowQueryStopsAtTheTimeout() throws {
        let fixture = try PostgresFixture("timeout")
        let database = try fixture.reader()
        let started = Date()
        do {
            _ = try database.fetchAll("SELECT pg_sleep(10)", limits: QueryLimits(timeoutSeconds: 0.5))
            Issue.record("the query should have timed out")
        } catch let error as DatabaseError {
            #expect(error.code == .timeout)
            #expect(error.message.contains("0.5 s"))
        }
        #expect(Date().timeIntervalSince(started) < 4)
        #expect(try database.fetchAll("SELECT 1").rows == [[.integer(1)]])
    }

    @Test func cancelStopsTheQueryAndKeepsTheConnection() throws {
        let fixture = try PostgresFixture("cancel")
        let database = try fixture.reader()
        let started = Date()
        do {
            _ = try database.fetchAll(
                "SELECT pg_sleep(10)",
                limits: QueryLimits(timeoutSeconds: 30, cancellation: .cancelled(after: .milliseconds(300))))
            Issue.record("the query should have been cancelled")
        } catch let error as DatabaseError {
            #expect(error.code == .cancelled)
        }
        #expect(Date().timeIntervalSince(started) < 4)
        #expect(try database.fetchAll("SELECT 1").rows == [[.integer(1)]])
    }

    @Test func terminatedConnectionIsReplacedAndTheReadRetried() throws {
        let fixture = try PostgresFixture("lost")
        let database = try fixture.reader()
        let first = try #require(try database.fetchAll("SELECT pg_backend_pid()").rows.first?.first?.intValue)
        // Killed while idle: found before the next statement is sent.
        _ = try fixture.admin.fetchAll("SELECT pg_terminate_backend($1)", parameters: [.integer(Int64(first))])
        Thread.sleep(forTimeInterval: 0.2)
        let second = try #require(try database.fetchAll("SELECT pg_backend_pid()").rows.first?.first?.intValue)
        #expect(second != first)
        // Killed mid-query: the read is retried once on a new connection.
        let url = fixture.baseURL
        let killer = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            let admin = try? PostgresDatabase(location: DatabaseLocation(parsing: url), access: .readWrite)
            _ = try? admin?.fetchAll("SELECT pg_terminate_backend($1)", parameters: [.integer(Int64(second))])
        }
        killer.start()
        let third = try database.fetchAll("SELECT pg_backend_pid(), pg_sleep(1)").rows.first?.first?.intValue
        #expect(third != nil && third != second)
    }

    @Test func writerLosingItsConnectionInsideATransactionFailsUntilRollback() throws {
        let fixture = try PostgresFixture("losttx")
        try fixture.admin.execute("CREATE TABLE log (n integer)")
        let writer = try fixture.writer()
        let pid = try #require(try writer.fetchAll("SELECT pg_backend_pid()").rows.first?.first?.intValue)
        try writer.execute("BEGIN")
        try writer.execute("INSERT INTO log VALUES (1)")
        _ = try fixture.admin.fetchAll("SELECT pg_terminate_backend($1)", parameters: [.integer(Int64(pid))])
        Thread.sleep(forTimeInterval: 0.2)
        do {
            try writer.execute("INSERT INTO log VALUES (2)")
            Issue.record("a statement after the lost transaction must fail")
        } catch let error as DatabaseError {
            #expect(error.code == .connectionLost)
            #expect(!error.message.contains("\n"))
        }
        #expect(throws: DatabaseError.self) { try writer.execute("COMMIT") }
        try writer.execute("INSERT INTO log VALUES (3)")
        #expect(try fixture.admin.fetchAll("SELECT n FROM log").rows == [[.integer(3)]])
    }

    @Test func schemaHasKindsColumnsKeysCommentsAndEstimates() throws {
        let fixture = try PostgresFixture("schema")
        try fixture.admin.execute(
            """
            CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, tier varchar(10));
            CREATE TABLE orders (
                id bigint PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers (id),
                total numeric(12,2), placed_at timestamptz);
            CREATE TABLE lines (order_id bigint, seq integer, PRIMARY KEY (order_id, seq));
            CREATE TABLE line_notes (order_id bigint, seq integer, note text,
                FOREIGN KEY (order_id, seq) REFERENCES lines (order_id, seq));
            COMMENT ON TABLE orders IS 'One row per checkout; cancelled orders included.';
            COMMENT ON COLUMN orders.total IS 'BRL, after discounts';
            CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 1000;
            CREATE MATERIALIZED VIEW order_counts AS SELECT customer_id, count(*) AS n FROM orders GROUP BY 1;
            INSERT INTO customers SELECT g, 'c' || g, NULL FROM generate_series(1, 500) g;
            ANALYZE customers;
            """)
        let schema = try fixture.reader().schema()
        #expect(
            schema.tables.map(\.name) == ["big_orders", "customers", "line_notes", "lines", "order_counts", "orders"])
        #expect(Set(schema.tables.map(\.schemaName)) == [fixture.schema])
        let orders = try #require(schema.table(named: "orders"))
        #expect(orders.kind == .table)
        #expect(orders.comment == "One row per checkout; cancelled orders included.")
        #expect(orders.columns.map(\.name) == ["id", "customer_id", "total", "placed_at"])
        #expect(orders.columns.map(\.typeName) == ["bigint", "integer", "numeric(12,2)", "timestamp with time zone"])
        #expect(orders.columns.map(\.isNullable) == [false, false, true, true])
        #expect(orders.columns.map(\.isPrimaryKey) == [true, false, false, false])
        #expect(orders.columns[2].comment == "BRL, after discounts")
        #expect(
            orders.foreignKeys == [
                ForeignKey(
                    columns: ["customer_id"], referencedTable: "\(fixture.schema).customers", referencedColumns: ["id"])
            ])
        #expect(try #require(schema.table(named: "lines")).columns.map(\.isPrimaryKey) == [true, true])
        #expect(
            try #require(schema.table(named: "line_notes")).foreignKeys.first?.referencedColumns == ["order_id", "seq"])
        #expect(try #require(schema.table(named: "big_orders")).kind == .view)
        #expect(try #require(schema.table(named: "order_counts")).kind == .materializedView)
        #expect(try #require(schema.table(named: "customers")).estimatedRows == 500)
        #expect(try #require(schema.table(named: "big_orders")).estimatedRows == nil)

        // --schema names the schemas to describe, whatever the search path.
        let named = try PostgresDatabase(
            location: DatabaseLocation(parsing: fixture.baseURL), access: .readOnly, schemas: [fixture.schema])
        #expect(try named.schema().tables.count == 6)
    }

    @Test func passwordsNeverAppearInMessages() throws {
        let url = try TestPostgres.requireURL()
        let wrong = url.replacingOccurrences(of: "datachat-test-password", with: "Sekr3t-wrong")
        for conninfo in [
            wrong, "host=127.0.0.1 port=1 password=Sekr3t-wrong dbname=x connect_timeout=2",
            "host=127.0.0.1 password Sekr3t-wrong", "postgresql://u:Sekr3t-wrong@127.0.0.1:1/x?connect_timeout=2",
            "postgresql://u@127.0.0.1:1/x?password=Sekr3t-wrong&port=abc",
        ] {
            do {
                _ = try PostgresDatabase(location: DatabaseLocation(parsing: conninfo), access: .readOnly)
                Issue.record("\(conninfo) should not connect")
            } catch let error as DatabaseError {
                #expect(!error.message.contains("Sekr3t"), "\(error.message)")
                #expect(!error.message.contains("\n"))
                #expect(error.code == .cannotOpen || error.code == .invalidLocation)
            }
        }
    }

    @Test func copyLoadsAwkwardTextExactly() throws {
        let fixture = try PostgresFixture("copy")
        try fixture.admin.execute("CREATE TABLE notes (id integer, body text, data bytea, score float8)")
        let writer = try fixture.writer()
        let rows: [[DatabaseValue]] = [
            [.integer(1), .text("tab\there\nnew line \\ backslash"), .blob([0, 9, 10, 92]), .real(0.1)],
            [.integer(2), .null, .null, .real(-.infinity)],
            [.integer(3), .text("\\N"), .blob([]), .null],
        ]
        try writer.transaction {
            try writer.insertRows(into: "notes", columns: ["id", "body", "data", "score"], rows: rows)
        }
        #expect(try writer.fetchAll("SELECT id, body, data, score FROM notes ORDER BY id").rows == rows)
    }

    @Test func sampleDatasetLoadsThroughCopy() throws {
        let fixture = try PostgresFixture("sample")
        let writer = try fixture.writer()
        try SampleDataset(directory: Repository.sampleData).load(into: writer)
        let orders = try writer.fetchAll(
            "SELECT count(*), min(ordered_at) = TIMESTAMPTZ '2023-01-01 00:01:10+00' FROM orders"
        ).rows[0]
        #expect(orders == [.integer(60_745), .boolean(true)], "the CSV times are UTC")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }
}
