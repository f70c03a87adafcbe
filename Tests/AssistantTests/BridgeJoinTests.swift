import Databases
import Foundation
import SQLGuard
import TestSupport
import Testing

@testable import Assistant

/// A column taken from a table that lacks it, when one table joined by a foreign key has it: the fix
/// joins that table and moves the column under it. Each fixed query runs on a real SQLite file and on
/// the test PostgreSQL, and must return what the hand-written query returns.
@Suite struct BridgeJoinTests {
    static let tables = """
        CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, segment TEXT NOT NULL);
        CREATE TABLE categories (category_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE products (product_id INTEGER PRIMARY KEY,
            category_id INTEGER NOT NULL REFERENCES categories (category_id));
        CREATE TABLE orders (order_id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers (customer_id), status TEXT NOT NULL);
        CREATE TABLE order_items (order_id INTEGER NOT NULL REFERENCES orders (order_id),
            product_id INTEGER NOT NULL REFERENCES products (product_id), quantity INTEGER NOT NULL,
            unit_price REAL NOT NULL);
        INSERT INTO customers VALUES (1, 'consumer'), (2, 'corporate'), (3, 'consumer');
        INSERT INTO categories VALUES (1, 'Phones'), (2, 'Books');
        INSERT INTO products VALUES (10, 1), (20, 2);
        INSERT INTO orders VALUES (100, 1, 'delivered'), (101, 2, 'delivered'), (102, 1, 'cancelled'),
            (103, 3, 'delivered');
        INSERT INTO order_items VALUES (100, 10, 2, 5.5), (100, 20, 1, 3.0), (101, 20, 4, 2.5),
            (102, 10, 1, 5.5), (103, 20, 3, 1.0);
        """

    /// The model's query, what the fix says, and a query written by hand that returns the right rows.
    static let cases: [(sql: String, description: String, expected: String)] = [
        (
            // The columns of a skipped table, in the select list: the table joins before the item.
            "SELECT T1.segment, SUM(T2.quantity * T2.unit_price) AS revenue FROM customers AS T1 "
                + "JOIN orders AS T2 ON T1.customer_id = T2.customer_id WHERE T2.status = 'delivered' "
                + "GROUP BY T1.segment ORDER BY T1.segment",
            "T2.quantity -> order_items.quantity (JOIN order_items), "
                + "T2.unit_price -> order_items.unit_price (JOIN order_items)",
            "SELECT c.segment, SUM(oi.quantity * oi.unit_price) FROM customers c JOIN orders o "
                + "ON o.customer_id = c.customer_id JOIN order_items oi ON oi.order_id = o.order_id "
                + "WHERE o.status = 'delivered' GROUP BY c.segment ORDER BY c.segment"
        ),
        (
            // In the item's own ON condition: the condition then needs the table before the item.
            "SELECT count(DISTINCT c.customer_id) FROM customers c JOIN order_items oi ON c.customer_id = oi.customer_id",
            "oi.customer_id -> orders.customer_id (JOIN orders)",
            "SELECT count(DISTINCT customer_id) FROM orders WHERE order_id IN (SELECT order_id FROM order_items)"
        ),
        (
            // In a later join's condition (customers -> orders -> products without order_items).
            "SELECT COUNT(DISTINCT T2.order_id) FROM customers AS T1 INNER JOIN orders AS T2 "
                + "ON T1.customer_id = T2.customer_id INNER JOIN products AS T3 ON T2.product_id = T3.product_id "
                + "WHERE T1.segment = 'consumer' AND T3.category_id = 2",
            "T2.product_id -> order_items.product_id (JOIN order_items)",
            "SELECT COUNT(DISTINCT o.order_id) FROM orders o JOIN customers c ON c.customer_id = o.customer_id "
                + "JOIN order_items oi ON oi.order_id = o.order_id JOIN products p ON p.product_id = oi.product_id "
                + "WHERE c.segment = 'consumer' AND p.category_id = 2"
        ),
        (
            // Unqualified, in a query of one table: the table joins after it.
            "SELECT COUNT(DISTINCT customer_id) FROM orders WHERE product_id = 20",
            "product_id -> order_items.product_id (JOIN order_items)",
            "SELECT COUNT(DISTINCT o.customer_id) FROM orders o JOIN order_items oi ON oi.order_id = o.order_id "
                + "WHERE oi.product_id = 20"
        ),
        (
            // A bare name the joined table has too is qualified by the item it meant: no "ambiguous column".
            "SELECT COUNT(DISTINCT order_id) FROM order_items WHERE status = 'delivered'",
            "status -> orders.status (JOIN orders)",
            "SELECT COUNT(DISTINCT o.order_id) FROM orders o WHERE o.status = 'delivered' "
                + "AND o.order_id IN (SELECT order_id FROM order_items)"
        ),
        (
            // An ON condition with OR keeps its meaning inside parentheses.
            "SELECT count(*) FROM customers c JOIN order_items oi ON c.customer_id = oi.customer_id OR oi.quantity > 3",
            "oi.customer_id -> orders.customer_id (JOIN orders)",
            "SELECT count(*) FROM customers c CROSS JOIN order_items oi JOIN orders o ON o.order_id = oi.order_id "
                + "AND (c.customer_id = o.customer_id OR oi.quantity > 3)"
        ),
        (
            // The table's own name while the query calls it by an alias.
            "SELECT SUM(order_items.quantity) FROM order_items oi WHERE oi.product_id = 20",
            "order_items.quantity -> oi.quantity",
            "SELECT SUM(quantity) FROM order_items WHERE product_id = 20"
        ),
    ]

    /// Each case fixed and run on `database`, against the hand-written query.
    func check(_ database: any Database, dialect: SQLDialect) throws {
        let schema = try database.schema()
        for (sql, description, expected) in Self.cases {
            let report = ReferenceChecker.check(sql, schema: schema, dialect: dialect)
            let fix = try #require(report.fix, "\(dialect): no fix for \(sql): \(report.problems.map(\.message))")
            #expect(fix.description == description)
            let fixed = fix.apply(to: sql)
            #expect(ReferenceChecker.check(fixed, schema: schema, dialect: dialect).problems.isEmpty, "\(fixed)")
            let rows = try database.fetchAll(fixed).rows
            #expect(rows == (try database.fetchAll(expected).rows), "\(dialect): \(fixed)")
            #expect(!rows.isEmpty)
        }
    }

    @Test func fixedQueriesRunOnSQLite() throws {
        let directory = TemporaryDirectory("bridge")
        let location = try DatabaseLocation(parsing: directory.file("shop.db"))
        let writer = try DatabaseConnector.open(location, access: .readWrite)
        for statement in Self.tables.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
            try writer.execute(String(statement))
        }
        try check(try DatabaseConnector.open(location, access: .readOnly), dialect: .sqlite)
    }

    @Test(.enabled(if: TestPostgres.isAvailable)) func fixedQueriesRunOnPostgres() throws {
        try TestPostgres.withOwnDatabase("bridge") { url in
            let writer = try DatabaseConnector.open(try DatabaseLocation(parsing: url), access: .readWrite)
            for statement in Self.tables.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                try writer.execute(String(statement))
            }
            try check(
                try DatabaseConnector.open(try DatabaseLocation(parsing: url), access: .readOnly), dialect: .postgres)
        }
    }

    @Test func noFixWhereAJoinedTableWouldChangeTheRowsOrTheNames() throws {
        let schema = ReferenceCheckerTests.sampleSchema
        // An outer join keeps rows that an inner join added to it would drop.
        let outer = ReferenceChecker.check(
            "SELECT c.segment, o.quantity FROM customers c LEFT JOIN orders o ON o.customer_id = c.customer_id",
            schema: schema, dialect: .sqlite)
        #expect(outer.problems.map(\.reference) == ["o.quantity"])
        #expect(outer.fix == nil)
        #expect(outer.problems.first?.joinThrough?.table == "order_items", "the message still names the join")
        // The query already calls something `order_items`.
        let taken = ReferenceChecker.check(
            "SELECT o.quantity FROM orders o JOIN customers order_items ON order_items.customer_id = o.customer_id",
            schema: schema, dialect: .sqlite)
        #expect(taken.fix == nil)
        // Two tables one join away both have the column: the choice is the model's.
        let two = ReferenceChecker.check("SELECT oi.name FROM order_items oi", schema: schema, dialect: .sqlite)
        #expect(two.problems.map(\.reference) == ["oi.name"])
        #expect(two.fix == nil)
        // Two columns from two different tables: both join, side by side.
        let sql =
            "SELECT count(*) FROM orders o JOIN customers c ON c.customer_id = o.customer_id WHERE score = 5 AND method = 'pix'"
        let both = try #require(ReferenceChecker.check(sql, schema: schema, dialect: .sqlite).fix)
        #expect(both.description == "score -> reviews.score (JOIN reviews), method -> payments.method (JOIN payments)")
        #expect(
            both.apply(to: sql)
                == "SELECT count(*) FROM orders o JOIN reviews ON reviews.order_id = o.order_id "
                + "JOIN payments ON payments.order_id = o.order_id JOIN customers c ON c.customer_id = o.customer_id "
                + "WHERE reviews.score = 5 AND payments.method = 'pix'")
    }
}
