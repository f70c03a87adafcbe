import Testing

@testable import Assistant

@Suite struct SQLExtractorTests {
    @Test func takesTheSQLBlock() {
        let reply = "Here:\n```sql\nSELECT 1;\n```\nThat counts."
        #expect(SQLExtractor.extract(from: reply) == "SELECT 1;")
    }

    @Test func prefersTheSQLBlockOverOthers() {
        let reply = "```text\nnot this\n```\n```SQL\nWITH x AS (SELECT 1) SELECT * FROM x\n```"
        #expect(SQLExtractor.extract(from: reply) == "WITH x AS (SELECT 1) SELECT * FROM x")
    }

    @Test func acceptsABareFenceHoldingAQuery() {
        #expect(SQLExtractor.extract(from: "```\nselect 2\n```") == "select 2")
        #expect(SQLExtractor.extract(from: "```\nsome prose\n```") == nil)
    }

    @Test func acceptsAReplyThatIsOnlyAQuery() {
        #expect(SQLExtractor.extract(from: "  SELECT count(*) FROM orders") == "SELECT count(*) FROM orders")
    }

    @Test func findsNoSQLInProse() {
        #expect(SQLExtractor.extract(from: "I cannot answer that from this data.") == nil)
        #expect(SQLExtractor.extract(from: "") == nil)
        #expect(SQLExtractor.extract(from: "```sql\n\n```") == nil)
    }

    @Test func keepsAnUnterminatedBlock() {
        #expect(SQLExtractor.extract(from: "```sql\nSELECT 3") == "SELECT 3")
    }
}
