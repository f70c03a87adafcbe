import Databases
import Foundation
import SQLGuard
import TestSupport
import Testing

@testable import Assistant

/// MySQL's date functions rewritten into the dialect's own after the engine's error, run on a real SQLite
/// file and on the test PostgreSQL.
@Suite struct DialectFunctionsTests {
    static let mysqlDates = """
        SELECT YEAR('2024-03-05 10:00:00') AS y, month('2024-03-05') AS m, DAY('2024-03-05') AS d,
               DATEDIFF(substr('2024-03-09 23:59:00, late', 1, 16), '2024-03-05 01:00') AS days
        """

    /// Runs `sql`; when the engine says a function is missing, the fix's SQL instead.
    func runFixed(_ sql: String, on database: any Database, dialect: SQLDialect) throws -> (String, [[DatabaseValue]]) {
        do {
            _ = try database.fetchAll(sql)
            Issue.record("the engine ran MySQL's functions: nothing to fix")
            return (sql, [])
        } catch let error as DatabaseError {
            let fix = try #require(DialectFunctions.fix(sql, after: error, dialect: dialect), "\(error.message)")
            let fixed = fix.apply(to: sql)
            return (fix.description, try database.fetchAll(fixed).rows)
        }
    }

    @Test func sqliteRunsTheRewriteAndGetsMySQLsIntegers() throws {
        let directory = TemporaryDirectory()
        let database = try DatabaseConnector.open(
            try DatabaseLocation(parsing: directory.path + "/dates.db"), access: .readWrite)
        let (description, rows) = try runFixed(Self.mysqlDates, on: database, dialect: .sqlite)
        #expect(rows == [[.integer(2024), .integer(3), .integer(5), .integer(4)]])
        #expect(
            description == "YEAR() -> SQLite's own, MONTH() -> SQLite's own, DAY() -> SQLite's own, "
                + "DATEDIFF() -> SQLite's own (SQLite has no YEAR, MONTH, DAY, DATEDIFF)")
    }

    @Test(.enabled(if: TestPostgres.isAvailable)) func postgresRunsTheRewrite() throws {
        let database = try DatabaseConnector.open(
            try DatabaseLocation(parsing: try TestPostgres.requireURL()), access: .readOnly)
        let sql = """
            SELECT YEAR(TIMESTAMP '2024-03-05 10:00:00') AS y, MONTH(DATE '2024-03-05') AS m,
                   DATEDIFF('2024-03-09 23:59', '2024-03-05 01:00') AS days, CURDATE() = CURRENT_DATE AS today
            """
        let (_, rows) = try runFixed(sql, on: database, dialect: .postgres)
        #expect(rows == [[.integer(2024), .integer(3), .integer(4), .boolean(true)]])
    }

    @Test func onlyAfterTheEnginesOwnErrorAndOnlyCallsItKnows() {
        let missing = DatabaseError(.statementFailed, "no such function: YEAR")
        #expect(
            DialectFunctions.fix(
                "SELECT YEAR(x) FROM t", after: DatabaseError(.statementFailed, "no such column: x"), dialect: .sqlite)
                == nil)
        #expect(
            DialectFunctions.fix("SELECT YEAR(x, y) FROM t", after: missing, dialect: .sqlite) == nil,
            "an arity MySQL has not")
        #expect(
            DialectFunctions.fix("SELECT 'YEAR(x)' FROM t", after: missing, dialect: .sqlite) == nil,
            "text is not a call")
        #expect(
            DialectFunctions.fix("SELECT app.year(x) FROM t", after: missing, dialect: .postgres) == nil,
            "a schema's own")
        #expect(
            DialectFunctions.fix(
                "SELECT nope(x) FROM t", after: DatabaseError(.statementFailed, "no such function: nope"),
                dialect: .sqlite) == nil)
        let pg = DatabaseError(.statementFailed, "function year(timestamp without time zone) does not exist")
        #expect(DialectFunctions.missingFunction(in: pg.message) == "YEAR")
        #expect(
            DialectFunctions.fix("SELECT year(x) FROM t", after: pg, dialect: .postgres)?.apply(
                to: "SELECT year(x) FROM t")
                == "SELECT CAST(EXTRACT(YEAR FROM x) AS INTEGER) FROM t")
    }
}
