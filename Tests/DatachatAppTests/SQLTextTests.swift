import Testing

@testable import DatachatApp

/// The line editor's view of SQL, read with the guard's tokenizer.
@Suite struct SQLTextTests {
    @Test func oneLineTurnsLineCommentsIntoBlockComments() {
        #expect(SQLText.oneLine("SELECT 1 -- one\nFROM t", dialect: .sqlite) == "SELECT 1 /* one */ FROM t")
        #expect(SQLText.oneLine("SELECT 1 -- a */ b", dialect: .postgres) == "SELECT 1 /* a * / b */")
        #expect(SQLText.oneLine("SELECT '--x'\n", dialect: .sqlite) == "SELECT '--x'", "a -- inside a string stays")
    }

    @Test func openQuotesCommentsAndParenthesesContinueTheLine() {
        #expect(SQLText.isOpen("\\sql SELECT 'abc", dialect: .sqlite))
        #expect(SQLText.isOpen("\\sql SELECT (1", dialect: .sqlite))
        #expect(SQLText.isOpen("\\sql SELECT 1 /* note", dialect: .postgres))
        #expect(SQLText.isOpen("\\sql SELECT \"name", dialect: .postgres))
        #expect(!SQLText.isOpen("\\sql SELECT '(' -- (", dialect: .sqlite))
        #expect(!SQLText.isOpen("\\sql SELECT (1)", dialect: .sqlite))
    }

    @Test func dollarQuotesAreOpenOnlyInPostgres() {
        #expect(SQLText.isOpen("\\sql SELECT $$abc", dialect: .postgres))
    }
}
