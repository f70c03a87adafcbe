import Databases
import Foundation
import SQLGuard
import TestSupport
import Testing

@testable import Assistant

/// The reference check on its own: the honest corpora pass untouched, and wrong names are found with
/// the right message and fix, in both dialects.
@Suite struct ReferenceCheckerTests {
    /// The sample's schema as SQLite introspects it, from a real file built from sample-data/.
    static let sampleSchema: Schema = {
        let folder = TemporaryDirectory("refs-sample")
        // Built once per test run; a failure here fails every test that uses it.
        let path = try! SampleDataset(directory: Repository.sampleData).sqliteFile(cacheDirectory: folder.file("cache"))
        return try! SQLiteDatabase(path: path, access: .readOnly).schema()
    }()

    /// The same tables as PostgreSQL shows them after `datachat load-sample`: in `public`.
    static var postgresSchema: Schema {
        Schema(
            tables: sampleSchema.tables.map { table in
                var table = table
                table.schemaName = "public"
                return table
            })
    }

    static func corpus(_ dialect: SQLDialect) throws -> [String] {
        let path = Repository.root + "/Tests/SQLGuardTests/Corpus/honest.\(dialect.rawValue).sql"
        return try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n====\n")
            .filter { !$0.allSatisfy(\.isWhitespace) }
    }

    func problems(_ sql: String, _ dialect: SQLDialect = .sqlite, schema: Schema? = nil) -> [ReferenceProblem] {
        let schema = schema ?? (dialect == .sqlite ? Self.sampleSchema : Self.postgresSchema)
        return ReferenceChecker.check(sql, schema: schema, dialect: dialect).problems
    }

    @Test(arguments: [SQLDialect.sqlite, .postgres])
    func everyHonestQueryPasses(_ dialect: SQLDialect) throws {
        let entries = try Self.corpus(dialect)
        #expect(entries.count > 100)
        for (index, sql) in entries.enumerated() {
            let found = problems(sql, dialect)
            #expect(found.isEmpty, "entry \(index + 1) of \(dialect): \(found.map(\.message)) in \(sql)")
        }
    }

    @Test func aColumnTheTableLacksIsFoundWithTheNearestName() {
        let found = problems("SELECT o.total_price FROM orders o JOIN order_items oi ON oi.order_id = o.order_id")
        #expect(
            found.map(\.message) == [
                "no such column: o.total_price (orders has no total_price; did you mean order_items.unit_price?)"
            ])
        #expect(found.first?.fix == nil)
    }

    @Test func aColumnUnderTheWrongAliasMovesToTheOneTableThatHasIt() throws {
        let sql = "SELECT T2.status FROM orders T1 JOIN customers T2 ON T1.customer_id = T2.customer_id"
        let report = ReferenceChecker.check(sql, schema: Self.sampleSchema, dialect: .sqlite)
        let fix = try #require(report.fix)
        #expect(fix.description == "T2.status -> T1.status")
        #expect(
            fix.apply(to: sql) == "SELECT T1.status FROM orders T1 JOIN customers T2 ON T1.customer_id = T2.customer_id"
        )
        // A move that would compare the column with itself is no alias move: the join needs a table the
        // query lacks, the qualified table's neighbour by foreign key, and that join is the fix (see
        // BridgeJoinTests), not a table that already stands on the other side of `=`.
        let selfJoin =
            "SELECT count(DISTINCT c.customer_id) FROM customers c JOIN order_items oi ON c.customer_id = oi.customer_id"
        let found = ReferenceChecker.check(selfJoin, schema: Self.sampleSchema, dialect: .sqlite)
        #expect(found.problems.map(\.reference) == ["oi.customer_id"])
        #expect(found.fix?.description == "oi.customer_id -> orders.customer_id (JOIN orders)")
        #expect(
            found.fix?.apply(to: selfJoin)
                == "SELECT count(DISTINCT c.customer_id) FROM customers c CROSS JOIN orders JOIN order_items oi "
                + "ON oi.order_id = orders.order_id AND c.customer_id = orders.customer_id")
        #expect(
            found.problems.first?.message
                == "no such column: oi.customer_id (order_items has no customer_id; orders has it: "
                + "JOIN orders ON order_items.order_id = orders.order_id and use orders.customer_id)")
        // Both tables have `name`? No: only one may hold it, or the choice is the model's.
        #expect(
            ReferenceChecker.check(
                "SELECT o.name FROM orders o JOIN customers c ON c.customer_id = o.customer_id "
                    + "JOIN order_items oi ON oi.order_id = o.order_id JOIN products p ON p.product_id = oi.product_id",
                schema: Self.sampleSchema, dialect: .sqlite
            ).fix == nil)
    }

    static let pets = Schema(tables: [
        Table(
            name: "Pets",
            columns: [
                TableColumn(name: "PetID", typeName: "INTEGER", isNullable: false, isPrimaryKey: true),
                TableColumn(name: "PetType", typeName: "TEXT", isNullable: true, isPrimaryKey: false),
            ])
    ])

    @Test func aNameThatFoldsToOneColumnIsFixedInEachDialect() throws {
        let sqlite = ReferenceChecker.check("SELECT pet_type FROM pets", schema: Self.pets, dialect: .sqlite)
        #expect(sqlite.fix?.apply(to: "SELECT pet_type FROM pets") == "SELECT PetType FROM pets")
        // PostgreSQL folds unquoted names: the table and the column both need quotes.
        let postgres = ReferenceChecker.check("SELECT pet_type FROM Pets", schema: Self.pets, dialect: .postgres)
        #expect(postgres.problems.map(\.reference) == ["Pets"])
        #expect(postgres.fix?.apply(to: "SELECT pet_type FROM Pets") == "SELECT pet_type FROM \"Pets\"")
        let quoted = ReferenceChecker.check("SELECT pettype FROM \"Pets\"", schema: Self.pets, dialect: .postgres)
        #expect(quoted.fix?.apply(to: "SELECT pettype FROM \"Pets\"") == "SELECT \"PetType\" FROM \"Pets\"")
        #expect(
            ReferenceChecker.check("SELECT \"PetType\" FROM \"Pets\"", schema: Self.pets, dialect: .postgres)
                .problems.isEmpty)
    }

    @Test func aNameInADistinctOnListIsReplacedOnce() throws {
        // The DISTINCT ON list is read both as an expression and with the select list: its name must be
        // replaced once, never twice at one offset (which wrote `customer_idd`).
        let sql = "SELECT DISTINCT ON (customerid) status FROM orders"
        let fix = try #require(ReferenceChecker.check(sql, schema: Self.postgresSchema, dialect: .postgres).fix)
        #expect(fix.replacements.count == 1)
        #expect(fix.apply(to: sql) == "SELECT DISTINCT ON (customer_id) status FROM orders")
    }

    @Test func aDifferentWordIsNoMechanicalFix() {
        let found = problems("SELECT orderdate FROM orders")
        #expect(found.map(\.reference) == ["orderdate"])
        #expect(found.first?.fix == nil)
    }

    @Test func cteAndSubqueryOutputsAreTheirColumns() {
        #expect(
            problems(
                "WITH r AS (SELECT seller_id, sum(quantity) AS units FROM order_items GROUP BY seller_id) "
                    + "SELECT r.revenue FROM r"
            ).map(\.message) == ["no such column: r.revenue (r has no revenue)"])
        #expect(problems("WITH r(a, b) AS (SELECT 1, 2) SELECT c FROM r").map(\.reference) == ["c"])
        #expect(problems("SELECT t.x FROM (SELECT 1 AS y) t").map(\.reference) == ["t.x"])
        // An output without a name the check can know: anything may be there.
        #expect(problems("SELECT t.x FROM (SELECT count(*) FROM orders) t").isEmpty)
    }

    @Test func correlatedSubqueriesSeeTheOuterScope() {
        let sql =
            "SELECT c.name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id "
            + "AND o.total > 1 AND c.nickname IS NULL)"
        #expect(problems(sql).map(\.reference) == ["o.total", "c.nickname"])
    }

    @Test func aTableTheQueryNeverJoinedIsNamedButNotGuessed() {
        let found = problems("SELECT customers.name FROM orders")
        #expect(
            found.map(\.message) == [
                "no such column: customers.name (customers is not in this query's FROM clause: join it to use customers.name)"
            ])
        #expect(found.first?.fix == nil)
        // An alias that names nothing, with the column in the one table there is: fixed.
        let report = ReferenceChecker.check(
            "SELECT T9.status FROM orders T1", schema: Self.sampleSchema, dialect: .sqlite)
        #expect(report.fix?.description == "T9.status -> T1.status")
    }

    @Test func missingTablesAreFound() {
        #expect(
            problems("SELECT count(*) FROM ordrs").map(\.message) == ["no such table: ordrs (did you mean orders?)"])
        #expect(problems("SELECT o.x FROM public.orders o", .postgres).map(\.reference) == ["o.x"])
        #expect(problems("SELECT count(*) FROM public.ordrs", .postgres).map(\.reference) == ["public.ordrs"])
        // Another schema, a system catalogue, a table function: not the check's to judge.
        #expect(problems("SELECT anything FROM reporting.daily", .postgres).isEmpty)
        #expect(problems("SELECT anything FROM pg_stat_activity", .postgres).isEmpty)
        #expect(problems("SELECT anything FROM json_each('[1]')").isEmpty)
    }

    @Test func quotedNamesAreCaseSensitiveOnlyInPostgres() {
        #expect(problems("SELECT \"Status\" FROM orders", .postgres).map(\.reference) == ["\"Status\""])
        #expect(problems("SELECT \"Status\" FROM orders", .sqlite).isEmpty)
        #expect(problems("SELECT STATUS FROM ORDERS", .postgres).isEmpty)
        // SQLite reads an unknown double-quoted name as a string; brackets it does not.
        #expect(problems("SELECT \"nope\" FROM orders", .sqlite).isEmpty)
        #expect(problems("SELECT [nope] FROM orders", .sqlite).map(\.reference) == ["[nope]"])
    }

    @Test func keywordsFunctionsAndAliasesAreNotColumns() {
        let sqls = [
            "SELECT CURRENT_DATE, date('now'), julianday(ordered_at) FROM orders",
            "SELECT EXTRACT(YEAR FROM ordered_at), CAST(order_id AS INTEGER) FROM orders",
            "SELECT count(*) FILTER (WHERE status = 'x') AS n FROM orders ORDER BY n",
            "SELECT rank() OVER w FROM orders WINDOW w AS (PARTITION BY customer_id ORDER BY ordered_at)",
            "SELECT status AS s, count(*) total FROM orders GROUP BY s HAVING total > 1 ORDER BY total",
            "SELECT 'no_such_column' AS text FROM orders WHERE status = 'nothing'",
            "SELECT ordered_at::date, interval '1 day', timestamptz '2024-01-01' FROM orders",
        ]
        for sql in sqls {
            #expect(problems(sql, .postgres).isEmpty, "\(sql)")
        }
        #expect(problems("SELECT no_such FROM orders ORDER BY ordered_at").map(\.reference) == ["no_such"])
    }
}
