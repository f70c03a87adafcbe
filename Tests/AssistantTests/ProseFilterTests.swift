import Assistant
import Testing

/// The words of a streamed reply without its code blocks, fed in pieces as a server sends them.
@Suite struct ProseFilterTests {
    func shown(_ pieces: [String]) -> String {
        var filter = ProseFilter()
        return pieces.map { filter.feed($0) }.joined() + filter.finish()
    }

    @Test func fencedBlocksAreHiddenWhereverTheChunksSplit() {
        let reply = "Late means after the promise.\n```sql\nSELECT 1\n```\nDone."
        let expected = "Late means after the promise.\nDone.\n"
        #expect(shown([reply]) == expected)
        #expect(shown(reply.map { String($0) }) == expected, "one character at a time")
    }

    /// A session keeps one filter for the turn: a repair's answer after one that ended on its closing fence.
    @Test func theNextAnswerStartsAfreshAfterFinish() {
        var filter = ProseFilter()
        #expect(filter.feed("```sql\nSELECT SUM(revnue) FROM order_items\n```") + filter.finish() == "")
        let repair = "```sql\nSELECT 1\n```\nFixed the column name."
        #expect(filter.feed(repair) + filter.finish() == "Fixed the column name.\n")
    }

    @Test func anAnswerInWordsAllInABlockIsShownWithoutTheFence() {
        #expect(ProseFilter.words(ofAnswerInWords: "```\nNo table has it.\n```\n") == "No table has it.")
        #expect(ProseFilter.words(ofAnswerInWords: "Ask me again.\n```text\nnote\n```") == "Ask me again.")
    }

    @Test func aFenceIsWhatTheExtractorCallsAFence() {
        // Indented by a tab: the extractor takes the block's SQL, so the words must not show it.
        let reply = "Here:\n\t```sql\nSELECT 2\n\t```\n"
        #expect(SQLExtractor.extract(from: reply) == "SELECT 2")
        #expect(shown([reply]) == "Here:\n")
        #expect(shown(["Use `` ` `` quotes\n"]) == "Use `` ` `` quotes\n", "backticks mid-line are words")
    }

    @Test func codeFenceNamesTheLanguage() {
        #expect(CodeFence.language(ofLine: "  ```SQL ") == "sql")
        #expect(CodeFence.language(ofLine: "```") == "")
        #expect(CodeFence.language(ofLine: "text ```") == nil)
        #expect(CodeFence.mayOpen(lineStart: " ``"))
        #expect(!CodeFence.mayOpen(lineStart: " `a"))
    }
}
