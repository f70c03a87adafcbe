import Testing

@testable import LLM

@Suite struct ThinkFilterTests {
    private func run(_ deltas: [String]) -> String {
        var filter = ThinkFilter()
        var text = deltas.map { filter.filter($0) }.joined()
        text += filter.finish()
        return text
    }

    @Test func dropsALeadingBlockAndItsTrailingWhitespace() {
        #expect(run(["<think>SELECT 1 maybe</think>\n\nSELECT 2"]) == "SELECT 2")
    }

    @Test func tagsSplitAtEveryPosition() {
        let text = "Intro <think>draft SELECT 1</think> and SELECT 2 <thin"
        let expected = "Intro  and SELECT 2 <thin"
        for cut in 0...text.count {
            let index = text.index(text.startIndex, offsetBy: cut)
            #expect(run([String(text[..<index]), String(text[index...])]) == expected, "cut at \(cut)")
        }
        #expect(run(text.map { String($0) }) == expected)
    }

    @Test func anUnclosedBlockStaysHidden() {
        #expect(run(["answer <think>never closed"]) == "answer ")
    }

    @Test func lessThanSignsThatAreNoTagPassThrough() {
        #expect(run(["SELECT * FROM t WHERE a <", " 3 AND b <> 2"]) == "SELECT * FROM t WHERE a < 3 AND b <> 2")
    }
}
