import Databases
import Foundation
import Testing

@testable import Render

@Suite struct ResultRendererTests {
    let result = QueryResult(
        columns: [Column(name: "category"), Column(name: "revenue"), Column(name: "note")],
        rows: [
            [.text("Perfume"), .real(564907.5), .null],
            [.text("TV & Video"), .real(0.1 + 0.2), .text("say \"hi\", then\nleave")],
        ])

    func render(_ format: OutputFormat, _ result: QueryResult? = nil, width: Int? = nil) -> String {
        let output = StringOutput()
        ResultRenderer.render(
            result ?? self.result, options: RenderOptions(format: format, terminalWidth: width), to: output)
        return output.text
    }

    @Test func tableAlignsNumbersRightAndCountsRows() {
        let lines = render(.table).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines == [
                "  category  | revenue  |         note        ",
                "------------+----------+----------------------",
                " Perfume    | 564907.5 | NULL                ",
                " TV & Video |      0.3 | say \"hi\", then↵leave",
                "(2 rows)",
                "",
            ])
    }

    @Test func csvQuotesWhatNeedsItAndLeavesNullEmpty() {
        #expect(
            render(.csv) == """
                category,revenue,note
                Perfume,564907.5,
                TV & Video,0.3,"say ""hi"", then
                leave"

                """)
    }

    @Test func tsvEscapesTabsAndNewlines() {
        let tabbed = QueryResult(columns: [Column(name: "a")], rows: [[.text("x\ty\nz\\")]])
        #expect(render(.tsv, tabbed) == "a\nx\\ty\\nz\\\\\n")
    }

    @Test func jsonKeepsNativeTypes() {
        let typed = QueryResult(
            columns: ["i", "r", "n", "b", "t", "j", "z", "a"].map { Column(name: $0) },
            rows: [
                [
                    .integer(42), .real(2.5), .numeric("12345678901234567890.12"), .boolean(true), .text("é\"\n"),
                    .json("{\"k\":[1,2]}"), .null, .array([.integer(1), .null]),
                ]
            ])
        #expect(
            render(.json, typed)
                == "[\n{\"i\":42,\"r\":2.5,\"n\":12345678901234567890.12,\"b\":true,\"t\":\"é\\\"\\n\",\"j\":{\"k\":[1,2]},\"z\":null,\"a\":[1,null]}\n]\n"
        )
        #expect(render(.json, QueryResult(columns: typed.columns, rows: [])) == "[]\n")
    }

    @Test func jsonlIsOneObjectALine() {
        #expect(render(.jsonl).split(separator: "\n").count == 2)
        #expect(render(.jsonl).hasPrefix("{\"category\":\"Perfume\",\"revenue\":564907.5,\"note\":null}\n"))
    }

    @Test func markdownEscapesPipes() {
        let piped = QueryResult(columns: [Column(name: "a|b")], rows: [[.integer(1)]])
        #expect(render(.markdown, piped) == "| a\\|b |\n| ---: |\n| 1 |\n")
    }

    @Test func expandedShowsOneBlockPerRow() {
        let text = render(.expanded)
        #expect(text.hasPrefix("-[ RECORD 1 ]"))
        #expect(text.contains("\ncategory | Perfume\n"))
        #expect(text.contains("-[ RECORD 2 ]"))
    }

    /// Never a cut cell or header: a table wider than the terminal is shown expanded, footer kept.
    @Test func tablesWiderThanTheTerminalAreShownExpanded() {
        let wide = QueryResult(
            columns: [Column(name: "customer_id"), Column(name: "customer_city")],
            rows: [[.integer(1), .text(String(repeating: "x", count: 30))], [.integer(2), .text("Natal")]])
        let text = render(.table, wide, width: 40)
        #expect(text.hasPrefix("-[ RECORD 1 ]"), "\(text)")
        #expect(text.contains("\ncustomer_city | " + String(repeating: "x", count: 30) + "\n"))
        #expect(text.hasSuffix("customer_city | Natal\n(2 rows)\n"))
        #expect(!text.contains("…"))
        #expect(render(.table, wide, width: 50).hasPrefix(" customer_id |"), "a table that fits stays one")
        #expect(render(.table, wide).hasPrefix(" customer_id |"), "no terminal, no limit")
    }

    @Test func theFooterCountsOneRowInTheSingular() {
        let one = QueryResult(columns: [Column(name: "n")], rows: [[.integer(1)]], truncated: true)
        #expect(render(.table, one).hasSuffix("(1 row shown; more rows were cut by --max-rows)\n"))
        #expect(render(.table, QueryResult(columns: [Column(name: "n")], rows: [])).hasSuffix("(0 rows)\n"))
    }

    @Test func realsPrintLikeSQLiteShell() {
        #expect(ValueFormatter.format(0.1 + 0.2) == "0.3")
        #expect(ValueFormatter.format(1234567.8900000001) == "1234567.89")
        #expect(ValueFormatter.format(2.0) == "2.0")
        #expect(ValueFormatter.format(-.infinity) == "-Infinity")
        #expect(ValueFormatter.format(.nan) == "NaN")
        #expect(ValueFormatter.format(1e-300) == "1e-300")
    }

    @Test func displayWidthCountsWideCharacters() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of("é") == 1)
    }
}
