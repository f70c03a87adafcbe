import SQLGuard
import Testing

@Suite struct SQLTokenizerTests {
    func kinds(_ sql: String, _ dialect: SQLDialect) -> [SQLToken.Kind] {
        SQLTokenizer(dialect: dialect).tokenize(sql).filter { $0.kind != .whitespace }.map(\.kind)
    }

    func texts(_ sql: String, _ dialect: SQLDialect) -> [String] {
        SQLTokenizer(dialect: dialect).tokenize(sql).filter { $0.kind != .whitespace }.map { String($0.text) }
    }

    @Test(arguments: SQLDialect.allCases)
    func tokensJoinBackIntoTheInput(dialect: SQLDialect) {
        for sql in [
            "SELECT 'a''b', \"c\"\"d\" -- x\n/* y */;", "naïve café ☕ 'ü'", "'unterminated", "$$ x", "\u{0}\u{1}",
        ] {
            #expect(SQLTokenizer(dialect: dialect).tokenize(sql).map(\.text).joined() == sql)
        }
    }

    @Test func stringsWithDoubledQuotes() {
        #expect(texts("SELECT 'it''s; DROP'", .sqlite) == ["SELECT", "'it''s; DROP'"])
        #expect(kinds("'abc", .sqlite) == [.unterminated])
    }

    @Test func postgresEscapeStringsHonourBackslashes() {
        #expect(texts(#"E'\'' x"#, .postgres) == [#"E'\''"#, "x"])
        #expect(texts(#"e'a\\' x"#, .postgres) == [#"e'a\\'"#, "x"])
        // SQLite has no E'' strings or backslash escapes: E is a name, and '' inside a string is a quote.
        #expect(kinds(#"E'\'' x"#, .sqlite) == [.word, .unterminated])
    }

    @Test func dollarQuotedStrings() {
        #expect(texts("$$a;b$$ $tag$ $$ $tag$ $1", .postgres) == ["$$a;b$$", "$tag$ $$ $tag$", "$1"])
        #expect(kinds("$x$ never closed", .postgres) == [.unterminated])
        // `$` continues an identifier: x$$ is a name, not the start of a string.
        #expect(texts("x$$ ; y", .postgres) == ["x$$", ";", "y"])
    }

    @Test func quotedIdentifiers() {
        #expect(kinds("\"a\"\"b\" `c` [d e]", .sqlite) == [.quotedIdentifier, .quotedIdentifier, .quotedIdentifier])
        #expect(kinds("U&\"d\\0061ta\" U&'x'", .postgres) == [.quotedIdentifier, .string])
        #expect(kinds("[a]", .postgres) == [.symbol, .word, .symbol])
    }

    @Test func comments() {
        #expect(kinds("/* a /* b */ c */ x", .postgres) == [.comment, .word])
        #expect(kinds("/* a /* b */ c */ x", .sqlite) == [.comment, .word, .symbol, .symbol, .word])
        #expect(kinds("-- a\rDELETE", .postgres) == [.comment, .word])
        #expect(kinds("-- a\rDELETE", .sqlite) == [.comment])
        #expect(kinds("/* open", .sqlite) == [.unterminated])
    }

    @Test func numbersAndParameters() {
        #expect(texts("1delete 1.5e3 .5 0x1F", .postgres) == ["1", "delete", "1.5e3", ".5", "0x1F"])
        #expect(kinds("? ?1 :name @v $x", .sqlite) == [.parameter, .parameter, .parameter, .parameter, .parameter])
        #expect(kinds("$1", .postgres) == [.parameter])
    }

    @Test func offsetsCountUTF8Bytes() {
        let tokens = SQLTokenizer(dialect: .sqlite).tokenize("'é' x")
        #expect(tokens.last?.offset == 5)
    }
}
