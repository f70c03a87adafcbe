import Foundation
import TestSupport
import Testing

/// `datachat sql check` as a user runs it: the built binary, files and standard input, exit codes.
@Suite struct SQLCheckCommandTests {
    let folder = TemporaryDirectory("sql-check")

    /// The built binary in an environment of the test's making: no DATABASE_URL leaks in to choose the dialect.
    func run(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String, error: String) {
        let result = try DatachatRunner(home: folder.path).run(arguments, stdin: input)
        return (result.status, result.stdout, result.stderr)
    }

    @Test func allowedFileExitsZero() throws {
        let file = try folder.write("ok.sql", "SELECT 1;\nSELECT 'DROP TABLE t' AS s; -- fine\n")
        let result = try run(["sql", "check", file])
        #expect(result.status == 0)
        #expect(result.output == "1: allowed: SELECT 1\n2: allowed: SELECT 'DROP TABLE t' AS s\n")
    }

    @Test func oneVerdictPerStatementFromStandardInput() throws {
        let result = try run(
            ["sql", "check", "--dialect", "postgres", "-"], input: "SELECT 1;\nSELECT pg_sleep(5);\nDELETE FROM t")
        #expect(result.status == 3)
        #expect(
            result.output == """
                1: allowed: SELECT 1
                2: rejected (line 2, column 8): pg_sleep() is not allowed: it can stall the database: SELECT pg_sleep(5)
                3: rejected (line 3, column 1): DELETE is not allowed: datachat only reads: DELETE FROM t

                """)
    }

    @Test func jsonForMachines() throws {
        let result = try run(["sql", "check", "--format", "json"], input: "SELECT 1; DROP TABLE t")
        #expect(result.status == 3)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["allowed"] as? Bool == true)
        #expect(items[1]["allowed"] as? Bool == false)
        #expect(items[1]["reason"] as? String == "DROP is not allowed: datachat only reads")
        #expect(items[1]["line"] as? Int == 1)
        #expect(items[1]["column"] as? Int == 11)
        #expect(items[1]["offset"] as? Int == 10)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try run(["sql", "check", "--dialect", "mysql"]).status == 2)
        #expect(try run(["sql", "check", "--format", "csv"], input: "SELECT 1").status == 2)
        let missing = try run(["sql", "check", folder.file("absent.sql")])
        #expect(missing.status == 2)
        #expect(missing.error.contains("cannot read"))
    }

    @Test func emptyInputIsNotAllowed() throws {
        let result = try run(["sql", "check"], input: "-- nothing\n")
        #expect(result.status == 3)
        #expect(result.output.contains("there is no SQL statement to check"))
    }
}
