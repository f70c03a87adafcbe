import SQLGuard
import Testing

@Suite struct SQLGuardTests {
    func reason(_ sql: String, _ dialect: SQLDialect = .postgres) -> String? {
        SQLGuard.check(sql, dialect: dialect).reason
    }

    @Test func rejectionsSayWhyAndWhere() {
        #expect(
            SQLGuard.check("DELETE FROM t", dialect: .sqlite)
                == .rejected(reason: "DELETE is not allowed: datachat only reads", position: 0))
        #expect(
            SQLGuard.check("SELECT 1; DROP TABLE t", dialect: .sqlite).reason?.contains("only one statement") == true)
        #expect(
            SQLGuard.check("SELECT 1; DROP TABLE t", dialect: .sqlite)
                == .rejected(
                    reason: "only one statement may run at a time; a second one starts at \"DROP\"", position: 10))
        #expect(reason("SELECT pg_sleep(10)") == "pg_sleep() is not allowed: it can stall the database")
        #expect(
            reason("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d")?.contains("WITH clause that writes") == true
        )
        #expect(reason("SELECT * INTO t2 FROM t")?.hasPrefix("SELECT ... INTO is not allowed") == true)
        #expect(
            reason("SELECT * FROM t FOR NO KEY UPDATE")
                == "FOR NO KEY UPDATE is not allowed: it locks rows, and datachat only reads")
        #expect(reason("EXPLAIN ANALYZE SELECT 1")?.hasPrefix("EXPLAIN ANALYZE is not allowed") == true)
        #expect(reason("SHOW search_path")?.contains("begin with SELECT, WITH, VALUES, TABLE or EXPLAIN") == true)
        #expect(reason("") == "there is no SQL statement to run")
        #expect(reason("-- only a comment\n;") == "there is no SQL statement to run")
        #expect(reason("SELECT 'open")?.contains("unterminated string") == true)
    }

    @Test func positionsPointAtTheOffendingToken() {
        let sql = "SELECT a,\n  pg_catalog.pg_sleep(1) FROM t"
        guard case .rejected(_, let position?) = SQLGuard.check(sql, dialect: .postgres) else {
            Issue.record("not rejected")
            return
        }
        #expect(Array(sql.utf8)[position...].starts(with: Array("pg_sleep".utf8)))
    }

    @Test func keywordsInsideStringsCommentsAndQuotedNamesDoNotCount() {
        for sql in [
            "SELECT 'DROP TABLE t; DELETE FROM t' AS s",
            "SELECT \"delete\", \"update\" FROM \"insert\"",
            "SELECT 1 /* DELETE FROM t */",
            "SELECT 1 -- ; DELETE FROM t",
            "SELECT t.set, o.comment FROM t, o",
            "SELECT replace(name, 'a', 'b') FROM t",
            "SELECT substring(name FROM 1 FOR 3) FROM t",
            "SELECT x AS share FROM t ORDER BY x FETCH FIRST 3 ROWS ONLY",
            "SELECT CASE WHEN a THEN 1 END FROM t",
            "SELECT $$ DELETE $$",
        ] {
            #expect(SQLGuard.check(sql, dialect: .postgres).isAllowed, "\(sql)")
        }
        #expect(SQLGuard.check("SELECT [delete], `drop` FROM t;", dialect: .sqlite).isAllowed)
    }

    @Test func deniedFunctionsAreFoundHoweverTheyAreWritten() {
        for sql in [
            "SELECT PG_SLEEP(1)", "SELECT \"pg_sleep\"(1)", "SELECT pg_catalog . pg_sleep (1)",
            "SELECT pg_sleep/**/(1)", "SELECT U&\"\\0070g_sleep\"(1)", "SELECT U&\"!0070g_sleep\" UESCAPE '!' (1)",
            "SELECT * FROM dblink('x', 'y') AS t(a int)", "SELECT pg_advisory_xact_lock(1)", "SELECT lo_import('/x')",
        ] {
            #expect(!SQLGuard.check(sql, dialect: .postgres).isAllowed, "\(sql)")
        }
        for sql in ["SELECT [load_extension]('x')", "SELECT `readfile`('/etc/passwd')", "SELECT Load_Extension('x')"] {
            #expect(!SQLGuard.check(sql, dialect: .sqlite).isAllowed, "\(sql)")
        }
        // A column that merely shares a denied name is not a call.
        #expect(SQLGuard.check("SELECT edit FROM t", dialect: .sqlite).isAllowed)
    }

    @Test func ambiguousBackslashQuotesAreRefusedOnPostgres() {
        #expect(reason("SELECT 'a\\' || 'b' AS x")?.contains("backslash") == true)
        #expect(SQLGuard.check("SELECT '\\d+', E'it\\'s', 'a\\\\'", dialect: .postgres).isAllowed)
        #expect(SQLGuard.check("SELECT 'a\\'", dialect: .sqlite).isAllowed)
    }

    @Test func dialectDecidesWhatStartsAStatement() {
        #expect(SQLGuard.check("TABLE orders", dialect: .postgres).isAllowed)
        #expect(!SQLGuard.check("TABLE orders", dialect: .sqlite).isAllowed)
        #expect(SQLGuard.check("EXPLAIN QUERY PLAN SELECT 1", dialect: .sqlite).isAllowed)
        #expect(SQLGuard.check("EXPLAIN (FORMAT JSON) SELECT 1", dialect: .postgres).isAllowed)
        #expect(!SQLGuard.check("EXPLAIN INSERT INTO t VALUES (1)", dialect: .postgres).isAllowed)
        #expect(!SQLGuard.check("EXPLAIN EXPLAIN SELECT 1", dialect: .postgres).isAllowed)
    }

    @Test func nulBytesAreRefused() {
        #expect(reason("SELECT 1\u{0}; DELETE FROM t")?.contains("NUL") == true)
    }

    @Test func checkEachGivesOneVerdictPerStatement() {
        let checks = SQLGuard.checkEach("SELECT 1;\n-- note\nDELETE FROM t;  ; SELECT 'x;y'", dialect: .sqlite)
        #expect(checks.map(\.text) == ["SELECT 1", "DELETE FROM t", "SELECT 'x;y'"])
        #expect(checks.map(\.verdict.isAllowed) == [true, false, true])
        #expect(checks[1].verdict == .rejected(reason: "DELETE is not allowed: datachat only reads", position: 18))
    }

    @Test func survivesHostileInput() {
        let inputs = [
            String(repeating: "(", count: 100_000), String(repeating: "/*", count: 50_000),
            String(repeating: "$", count: 10_000), "U&", "E", "'", "\"", "[", "`", "$a", "0x", "1e", ".", "U&\"\\",
            String(decoding: (0...255).map { UInt8($0) }, as: UTF8.self),
        ]
        for input in inputs {
            for dialect in SQLDialect.allCases {
                _ = SQLGuard.check(input, dialect: dialect)
                _ = SQLGuard.checkEach(input, dialect: dialect)
            }
        }
    }
}
